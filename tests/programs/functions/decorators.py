def trace(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper

@trace
def add(a, b):
    return a + b

add(2, 3)
add(a=1, b=1)
print("wrapper name:", add.__name__)

def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco

@repeat(3)
def hello(name):
    return "hi " + name

print(hello("x"))

def first(fn):
    print("applying first")
    return lambda: "first(" + fn() + ")"

def second(fn):
    print("applying second")
    return lambda: "second(" + fn() + ")"

@first
@second
def base():
    return "base"

print(base())

registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn

@register
def alpha():
    return "A"

print(sorted(registry), registry["alpha"]())
