squares = [x * x for x in range(10)]
evens = {x for x in range(10) if x % 2 == 0}
mapping = {k: v for k, v in zip("abc", range(3))}
gen = (x + 1 for x in squares if x if x > 2)
nested = [(a, b) for a in range(3) for b in range(a)]


def f(n):
    return [i * n for i in range(n)]


def g(data):
    return sum(x for x in data)


flat = [y for x in [[1], [2]] for y in x]
tmp = [y for x in range(3) for y in [x * 2]]
