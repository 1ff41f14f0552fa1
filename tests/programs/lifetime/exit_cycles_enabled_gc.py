class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = A("global-cycle"); a.me = a
b = A("garbage-cycle"); b.me = b; del b
c = A("plain")
_u = A("underscore")
print("end")
