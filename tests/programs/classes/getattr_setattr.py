class Lazy:
    def __init__(self):
        self.real = "real attribute"
    def __getattr__(self, name):
        print("  __getattr__", name)
        if name.startswith("computed_"):
            return name[9:].upper()
        raise AttributeError("no attribute " + repr(name))

o = Lazy()
print(o.real)
print(o.computed_abc)
try:
    o.missing
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(o, "missing", "default"), hasattr(o, "computed_x"))

class Recorder:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("  __delattr__", name)
        super().__delattr__(name)

r = Recorder()
r.a = 1
r.b = 2
r.a = 3
print(r.log, r.a)
del r.b
print(sorted(vars(r)))

class ReadOnly:
    def __setattr__(self, name, value):
        raise AttributeError("read-only: " + name)

try:
    ReadOnly().x = 1
except AttributeError as e:
    print("AttributeError:", e)
