import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
d = weakref.WeakValueDictionary()
x = A("x"); y = A("y")
d["x"] = x
d["y"] = y
print(len(d), d["x"], "y" in d)
del x
print(len(d), "x" in d, d.get("x", "gone"))
print(list(d.keys()), list(d.values()))
try:
    d["x"]
except KeyError as e:
    print("KeyError", e)
print(d.pop("y"), len(d))
