def f(a, b, c):
    if a and b or c:
        return 1
    elif not a:
        return 2
    else:
        return 3


def g(x):
    return 1 < x < 10


def h(x):
    if 0 <= x <= 5 <= 9:
        return "in"
    return x if x else None


def k(x):
    if x is None:
        return 0
    if x is not None and not (x in (1, 2)):
        return 1
    return a or b and c


y = f(1, 0, 1) if 1 else 2
