def f(a, b, c, d):
    return a if b else c if d else a


def g(a, b):
    return (a and b) or (not a and not b)


def h(x):
    return not (x is None), not (x in [1, 2]), not (x == 1)


def i(x):
    return x < 1 or x > 2 and x != 3


def j(seq):
    return seq[1:], seq[:2], seq[::], seq[1:2:3], seq[x:y]


def k(a):
    a.b.c.d = 1
    a[0][1] = 2
    return a.b(1)(2)[3]


def l():
    return {**{}, 'a': 1}, [*()], (*[],)


def m(x):
    return -x, +x, ~x, x ** 2, x // 3, x % 4, x @ x, x << 1, x >> 1, x & 1, x | 1, x ^ 1


def n(x):
    x //= 2
    x **= 2
    x @= x
    return x


def o():
    return 1 if True else 2, 3 if 0 else 4, (5 and 6), (0 or 7)
