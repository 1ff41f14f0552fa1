def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def delegate(it):
    result = yield from it
    yield result


def simple():
    yield


def gen_closure(x):
    def inner():
        yield x
    return inner
