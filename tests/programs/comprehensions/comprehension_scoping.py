x = 10
result = [x for x in range(3)]
print(result, x)

def f():
    y = 5
    return [y * i for i in range(3)]

print(f())

class Config:
    base = 3
    options = [1, 2, 3]
    doubled = [o * 2 for o in options]
    try:
        scaled = [o * base for o in options]
    except NameError as e:
        scaled = "NameError: " + str(e)

print(Config.doubled)
print(Config.scaled)

def g():
    items = [lambda: i for i in range(3)]
    return [fn() for fn in items]

print(g())
funcs = [(lambda n=n: n) for n in range(3)]
print([fn() for fn in funcs])
n = "untouched"
_ = [n for n in "abc"]
print(n)
total = 0
for v in [w * 2 for w in range(4)]:
    total += v
print(total)
