a = f(g(h(1, [2, {3: (4,)}])))
b = [[[[1]]]]
c = x.y.z[0](1)[2].w
d = (((a)))
e = -(-(-(1)))
f = a if (b if c else d) else e
g = lambda: (lambda: (lambda: 1))
