import gc
d = {}
print(gc.is_tracked(d))
d["a"] = 1
print(gc.is_tracked(d))
d["b"] = []
print(gc.is_tracked(d))
del d["b"]
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
e = {"k": (1, 2)}
print(gc.is_tracked(e))
