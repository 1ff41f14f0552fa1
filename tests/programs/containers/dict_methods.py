d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), "a" in d, 1 in d)
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("e", 5), d)
print(d.pop("e"), d.pop("zz", "default"), d)
d.update({"b": 20, "f": 6})
d.update(g=7)
d.update([("h", 8)])
print(d)
print(d.popitem(), d)
print(dict.fromkeys("xy", 0), dict.fromkeys([1, 2]))
e = d.copy()
e["a"] = "changed"
print(d["a"], e["a"])
print(d | {"z": 26}, {"a": 0} | {"a": 1})
d |= {"n": 1}
print(list(d))
del d["n"]
try:
    d["missing"]
except KeyError as err:
    print("KeyError:", err)
try:
    d.pop("missing")
except KeyError as err:
    print("KeyError:", err)
try:
    {}.popitem()
except KeyError as err:
    print("KeyError:", err)
d.clear()
print(d)
