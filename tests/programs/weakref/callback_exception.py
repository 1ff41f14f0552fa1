import weakref
class A:
    pass
class Bad:
    def __call__(self, w):
        raise ValueError("in callback")
    def __repr__(self):
        return "<Bad callback>"
a = A()
r = weakref.ref(a, Bad())
del a
print("survived")
