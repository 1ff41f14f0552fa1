import sys
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
c = A("plain")
_u = A("underscore")
l = [A("in-list-1"), A("in-list-2")]
z = A("z")
sys.modules["keep"] = sys.modules[__name__]
print("end")
