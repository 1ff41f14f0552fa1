# Class keywords reach the metaclass and __init_subclass__; type(name, bases,
# ns) defers to the most derived metaclass of the bases; metaclass instances
# are classes (their attributes come from type's machinery).
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", mcls.__name__, name, kw)
        return super().__new__(mcls, name, bases, ns, **kw)

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns, **kw)

    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a, k)
        return super().__call__(*a, **k)


class Base(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()


class D(Base, flag=1):
    pass


X = type("X", (Base,), {})
print(type(X).__name__)
d = D()
print(type(d).__name__)


class M2(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"pre": 1}


class E(metaclass=M2):
    print("body pre", pre)


print(E.pre, type(E).__name__)
try:
    type("Y", (Base,), {}, flag=3)
except TypeError as e:
    print(e)
try:
    type("Z", (), {}, 1)
except TypeError as e:
    print(e)
try:

    class F(object, z=1):
        pass

except TypeError as e:
    print(e)


class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


print(G[int])
print(Meta.__name__, Meta.__qualname__, Meta.__module__, Meta.__mro__)
print(isinstance(D, Meta), isinstance(D, type), type(type(D)))
print(D.__class__.__name__, D.__qualname__, D.__bases__, D.__dict__["__module__"])
print(repr(D), D.__mro__)
D.__name__ = "Renamed"
print(D.__name__, D)
