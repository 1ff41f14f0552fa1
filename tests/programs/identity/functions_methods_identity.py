class C:
    def method(self):
        return 1
    @staticmethod
    def smethod():
        return 2
    @classmethod
    def cmethod(cls):
        return cls

o = C()
print("function through class", C.method is C.method)
print("bound methods are new objects", o.method is o.method)
print("but compare equal", o.method == o.method)
m = o.method
print("bound method self", m.__self__ is o, m.__func__ is C.method)
print("staticmethod", C.smethod is o.smethod)
print("classmethod bound to class", C.cmethod() is C, o.cmethod() is C)
print("classmethod objects", C.cmethod is C.cmethod, C.cmethod == C.cmethod)
p = C()
print("different instances", o.method == p.method)
print("type", type(o) is C, o.__class__ is C)

def make():
    def inner():
        return 0
    return inner

f1 = make()
f2 = make()
print("each def makes a new function", f1 is f2, f1 == f2)
print("same code object", f1.__code__ is f2.__code__)
g = f1
print("alias", g is f1)
lam = [lambda: 0 for _ in range(2)]
print("lambdas", lam[0] is lam[1])
print("builtin", len is len, print is print)
