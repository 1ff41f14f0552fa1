def naturals():
    n = 0
    while True:
        yield n
        n += 1

def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

def squared(it):
    for x in it:
        yield x * x

print(take(5, squared(evens(naturals()))))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(15)])
print(take(3, f))
z = zip(naturals(), "abc")
print(list(z))
print(list(enumerate(take(3, naturals()), start=10)))
