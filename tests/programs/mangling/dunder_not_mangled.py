class Thing:
    __special__ = "ends with two underscores: not mangled"
    __mangled = "mangled"
    __trailing_ = "one trailing underscore: mangled"
    _single = "single underscore: not mangled"
    def __init__(self):
        self.__x__ = 1
        self.__y = 2
    def __custom__(self):
        return "custom dunder method"

names = sorted(n for n in vars(Thing) if not n.startswith("__") or n.endswith("__") and n not in ("__dict__", "__weakref__", "__module__", "__doc__", "__init__"))
print(names)
t = Thing()
print(sorted(vars(t)))
print(t.__custom__())
print(Thing.__special__)
print(Thing._Thing__trailing_)
print(Thing._single)
