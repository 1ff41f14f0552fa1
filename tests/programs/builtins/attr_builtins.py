class Obj:
    cls_attr = "class"
    def __init__(self):
        self.a = 1

o = Obj()
print(getattr(o, "a"), getattr(o, "cls_attr"), getattr(o, "missing", None))
setattr(o, "b", 2)
print(o.b, hasattr(o, "b"), hasattr(o, "zzz"))
delattr(o, "b")
print(hasattr(o, "b"))
print(vars(o), sorted(k for k in vars(Obj) if not k.startswith("__")))
o.c = [3]
print(vars(o))
print([n for n in dir(o) if not n.startswith("__")])
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
name = "dyn" + "amic"
setattr(o, name, "made")
print(o.dynamic, getattr(o, name))
