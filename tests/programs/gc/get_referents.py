import gc
a = [1, "two", 3.0]
print(gc.get_referents(a))
t = (4, 5)
print(gc.get_referents(t))
d = {"x": 10, "y": 20}
print(gc.get_referents(d))
d2 = {1: "one", 2: "two"}
print(gc.get_referents(d2))
print(gc.get_referents(1, "s"))
