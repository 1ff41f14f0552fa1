# Lesson 27: __new__ versus __init__, and a singleton metaclass
#
# Calling a class, C(args), is really calling type.__call__(C, args), which:
#   1. calls C.__new__(C, args)  -> CREATES and returns the object
#   2. if that object is an instance of C, calls obj.__init__(args)
#      -> INITIALISES it in place (its return value must be None)
#   3. returns the object
#
# So __new__ decides WHICH object you get (a new one, a cached one, or even
# something else); __init__ only fills in an object that already exists.
# Immutable types (int, str, tuple, ...) are complete once created, so a
# subclass that wants to change their value must do it in __new__.
#
# Because the class call goes through the metaclass's __call__, a metaclass
# can intercept it -- for example to hand back one shared instance (a
# singleton) without running __init__ again.
import sys


class Traced:
    def __new__(cls, value):
        print(f"   __new__(cls={cls.__name__}, value={value})")
        obj = super().__new__(cls)       # object.__new__ allocates
        return obj

    def __init__(self, value):
        print(f"   __init__(value={value})")
        self.value = value


print("== the order of calls ==")
t = Traced(1)
print("result:", type(t).__name__, t.value)

print()
print("== __init__ is skipped if __new__ returns something else ==")


class Weird:
    def __new__(cls):
        return 42                       # not a Weird instance

    def __init__(self):
        print("   never printed")


w = Weird()
print("Weird() returned:", w, "of type", type(w).__name__)

print()
print("== subclassing an immutable type needs __new__ ==")


class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())


class TryInit(str):
    def __init__(self, text):
        self.note = "too late to change the value"


print("Upper('hello') =", Upper("hello"))
print("TryInit('hello') =", TryInit("hello"), "(__init__ cannot change a str)")


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]


p = Point(3, 4)
print("Point(3, 4) =", p, "| p.x =", p.x, "| is a tuple:", isinstance(p, tuple))

print()
print("== a singleton via __new__: __init__ still runs every time ==")


class Settings:
    _instance = None

    def __new__(cls, theme):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, theme):
        self.theme = theme               # overwritten on every call!


s1 = Settings("dark")
s2 = Settings("light")
print("s1 is s2:", s1 is s2, "| s1.theme:", s1.theme, "(the second call reset it)")

print()
print("== a singleton metaclass: __call__ intercepts the class call ==")


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in Singleton._instances:
            print(f"   creating the one {cls.__name__}")
            Singleton._instances[cls] = super().__call__(*args, **kwargs)
        return Singleton._instances[cls]


class Database(metaclass=Singleton):
    def __init__(self, url):
        print(f"   Database.__init__({url!r})")
        self.url = url


class Cache(metaclass=Singleton):
    def __init__(self):
        self.items = {}


d1 = Database("db://first")
d2 = Database("db://second")         # returns the existing instance
print("d1 is d2:", d1 is d2, "| url:", d2.url, "(__init__ ran once)")
print("type(Database) is Singleton:", type(Database) is Singleton)
c1 = Cache()
print("each class gets its own instance:", c1 is Cache(), "| Cache is not Database:",
      c1 is not d1)

print()
print("== the registry keeps singletons alive forever ==")
print("references to d1 (d1, d2, registry, getrefcount arg):", sys.getrefcount(d1))
del d1, d2
print("after del d1, d2, still reachable:", Database("ignored").url)
