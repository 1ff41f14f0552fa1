import gc
a = 1
b = "x"
t = (a, b)
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
u = ([], 1)
gc.collect()
print(gc.is_tracked(u))
v = ((a, b), 2)
gc.collect()
print(gc.is_tracked(v), gc.is_tracked(v[0]))
