def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    result = yield from inner()
    print("  inner returned", result)
    yield from [10, 20]
    yield from "ab"
    return "outer result"

print(list(outer()))
g = outer()
for v in g:
    print(v)

def delegate_send():
    got = yield from echo()
    yield "echo finished with " + str(got)

def echo():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x

d = delegate_send()
print(next(d))
print(d.send(5))
print(d.send(7))
print(d.send(None))

def tree(n):
    if n > 0:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)

print(list(tree(3)))
