import gc
l = []
l.append(l)
del l
print(gc.collect())
d = {}
d["me"] = d
del d
print(gc.collect())
