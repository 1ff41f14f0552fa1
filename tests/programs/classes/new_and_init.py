class Tracked:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, value):
        print("__init__", value)
        self.value = value

t = Tracked(5)
print(t.created, t.value)

class Other:
    pass

class Swap:
    def __new__(cls):
        print("Swap.__new__ returns an Other")
        return Other()
    def __init__(self):
        print("never called")

s = Swap()
print(type(s).__name__)

class Cached:
    _instances = {}
    def __new__(cls, key):
        if key not in cls._instances:
            cls._instances[key] = super().__new__(cls)
        return cls._instances[key]
    def __init__(self, key):
        print("init", key)
        self.key = key

a = Cached("a")
b = Cached("a")
c = Cached("c")
print(a is b, a is c)

class BadInit:
    def __init__(self):
        return 5

try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
