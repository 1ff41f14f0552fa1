x = "module x"
squares = [x * x for x in range(4)]
print(squares, "x after list comp:", x)
gen = list(x for x in "ab")
print(gen, x)
d = {x: x * 2 for x in range(2)}
print(d, x)
s = sorted({x % 3 for x in range(10)})
print(s, x)

def f():
    y = 10
    return [y + i for i in range(3)]

print(f())

def g():
    fns = [lambda: i for i in range(3)]
    return [h() for h in fns]

print(g())
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested)
i = "outer i"
result = [i for i in range(2)]
print(result, i)
first = [(a, b) for a in range(3) for b in range(a)]
print(first)
