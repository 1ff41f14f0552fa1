import gc
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
gc.disable()
a = A("global-cycle"); a.me = a
b = A("garbage-cycle"); b.me = b; del b
c = A("plain")
print("end")
