class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")))
        ns["added_by_meta"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def describe(cls):
        return "class " + cls.__name__

class Base(metaclass=Meta):
    x = 1
    def method(self):
        return "m"

class Derived(Base):
    y = 2

print(Base.added_by_meta, Derived.added_by_meta)
print(Derived.describe(), type(Derived).__name__)
print(hasattr(Derived(), "describe"))

Dynamic = type("Dynamic", (Base,), {"z": 3})
print(Dynamic.z, Dynamic.x, Dynamic.added_by_meta, type(Dynamic).__name__)
Plain = type("Plain", (), {"f": lambda self: "plain f"})
print(Plain().f(), Plain.__name__, [c.__name__ for c in Plain.__mro__])
