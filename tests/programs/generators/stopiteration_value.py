def returns(value):
    yield "only"
    return value

g = returns(42)
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)

g = returns(None)
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)

def raises_stop():
    yield 1
    raise StopIteration("inside generator")

try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)

def wrapper():
    r = yield from returns([1, 2])
    print("  got", r)

print(list(wrapper()))
it = iter([])
print(next(it, "default"))
