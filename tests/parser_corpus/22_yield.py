def g():
    yield
    yield 1
    yield 1, 2
    x = yield
    x = yield 1
    yield from g()
    x = yield from g()
    y = (yield)
    f((yield))
    yield *a, b
    await_ = 1
    return (yield x)
