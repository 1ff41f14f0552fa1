a = lambda: 0
b = lambda x: x
c = lambda x, y=1: x + y
d = lambda *a, **k: a
e = lambda x, /, y, *, z: x
f = lambda *, a=1: a
g = lambda: (yield)
h = lambda x: lambda y: x + y
i = lambda: x if y else z
j = (lambda: 1)()
