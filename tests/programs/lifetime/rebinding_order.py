class T:
    def __init__(self, name):
        self.name = name
        print("  new", name)
    def __del__(self):
        print("  del", self.name)

print("rebind: new object is built before old one is released")
x = T("one")
x = T("two")
print("rebind to None")
x = None
print("swap")
a = T("a")
b = T("b")
a, b = b, a
print("  a is", a.name)
print("unpack over existing names")
a, b = T("c"), T("d")
print("for loop variable rebinding")
for v in [1, 2]:
    w = T("loop%d" % v)
print("after loop")
del w
print("augmented rebinding")
class Acc:
    def __init__(self, n):
        self.n = n
        self.t = T("acc%d" % n)
    def __add__(self, k):
        return Acc(self.n + k)
acc = Acc(0)
acc += 1
acc += 1
print("del a, b")
del a, b
print("end")
del acc
