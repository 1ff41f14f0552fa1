def g():
    try:
        yield 1
    finally:
        print("closing")


def h(it):
    with it as x:
        yield from x


def lam():
    return (lambda: (yield))


def nested():
    yield [i for i in range(3)] if False else None
