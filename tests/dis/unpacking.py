a, b = 1, 2
a, b = b, a
a, b, c = c, b, a
first, *rest = [1, 2, 3]
*init, last = range(5)
x, (y, z) = 1, (2, 3)
obj.attr += 1
obj[key] *= 2
name -= 3
del obj.attr, obj[key], name
del (p, q), [r]
[u, v] = 7, 8
