def a():
    x = 1
    y = 2
    def b(z):
        w = 3
        def c():
            return x + y + z + w
        return c
    return b


def cellarg(p, q):
    def inner():
        return q, p
    return inner


class K:
    x = 1
    def m(self):
        return x
    def n(self):
        return super().n()
    y = [x for _ in range(2)]
    z = lambda: x


def fcls():
    v = 1
    class L:
        w = v
        def get(self):
            return v
    return L


def deleter():
    x = 1
    def g():
        return x
    del x
    return g
