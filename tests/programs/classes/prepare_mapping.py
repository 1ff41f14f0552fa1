# A metaclass's __prepare__ mapping sees every store, load and delete of the
# class body through its own __setitem__/__getitem__/__delitem__.
class Recording(dict):
    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)

    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)

    def __delitem__(self, key):
        print("del", key)
        super().__delitem__(key)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return Recording()

    def __new__(mcls, name, bases, ns, **kw):
        print(type(ns).__name__, sorted(ns))
        cls = super().__new__(mcls, name, bases, dict(ns))
        type.__setattr__(cls, "tagged", True)
        return cls


class A(metaclass=Meta):
    x = 1
    y = x + 1
    del x
    print(len)
    try:
        missing_name
    except NameError as e:
        print(e)

print(A.y, A.tagged, "tagged" in A.__dict__, hasattr(A, "x"))
type.__delattr__(A, "tagged")
print(hasattr(A, "tagged"))
try:
    type.__setattr__(int, "x", 1)
except TypeError as e:
    print(e)
