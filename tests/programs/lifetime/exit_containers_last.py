class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
x1 = A("x1"); x2 = A("x2")
l = [x1, x2]
del x1, x2
pair = (A("t1"), A("t2"))
q = A("q")
d = {"k": A("dk")}
print("end")
