def add(a, b=2, *args, c, d=4, **kw):
    """Add things."""
    return a + b + c + d


def outer():
    x = 1

    def inner():
        nonlocal x
        x += 1
        return x

    return inner


def uses_global():
    global counter
    counter = 0
    return len([counter])


@staticmethod
@property
def decorated(self) -> int:
    return 1


def annotated(a: int, b: "str" = "x", *, c: float = 1.0) -> None:
    pass


square = lambda v: v * v
make = lambda *a, **k: (a, k)


def closure_arg(p):
    def g():
        return p
    return g


def no_return():
    x = 5
