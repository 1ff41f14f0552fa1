a = [x for x in y]
b = [x for x in y if x]
c = [x for x in y if x if not x]
d = [x * y for x in a for y in b]
e = [x for x, y in z]
f = [x for (x, y) in z]
g = {x for x in y}
h = {k: v for k, v in items}
i = (x for x in y)
j = [(x, y) for x in a if x for y in b if y]
k = [x for x in (y := [1])]
l = [[y for y in x] for x in z]
m = [x for *a, x in z]
n = [x if x else y for x in z]
o = [lambda: x for x in y]
