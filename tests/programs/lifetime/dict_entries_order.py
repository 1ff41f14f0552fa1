class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

print("del dict")
d = {"x": T("x"), "y": T("y"), "z": T("z")}
del d
print("overwrite keeps position")
d = {"x": T("x1"), "y": T("y1"), "z": T("z1")}
d["x"] = T("x2")
print("rebinding")
d = None
print("deleted key then re-added goes last")
d = {"a": T("a"), "b": T("b"), "c": T("c")}
v = d.pop("a")
d["a"] = v
del v
print("order now", list(d))
d.clear()
print("popitem removes last")
d = {"p": T("p"), "q": T("q")}
d.popitem()
print("dict of lists")
d = {"l1": [T("l1a"), T("l1b")], "l2": [T("l2a")]}
del d
print("update")
d = {"u": T("u1")}
d.update({"u": T("u2"), "w": T("w")})
print("after update", list(d))
del d
print("done")
