# functools.lru_cache / cache: hits, misses, eviction order, typed, cache_clear
import functools

@functools.lru_cache(maxsize=3)
def square(n):
    print("computing", n)
    return n * n

for n in [1, 2, 3, 1, 4, 2, 1, 5, 3]:
    square(n)
print(square.cache_info())
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, type(info).__name__, info._fields)
square.cache_clear()
print(square.cache_info())
print(square(2), square.cache_info(), square.__name__, square.__wrapped__(3))
print(square.cache_parameters())

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@functools.cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact.cache_info())

@functools.lru_cache
def ident(x):
    print("miss", repr(x))
    return x
ident(1); ident(1.0); ident(True)
print(ident.cache_info())

@functools.lru_cache(typed=True)
def typed(x):
    print("miss", repr(x))
    return x
typed(1); typed(1.0); typed(1)
print(typed.cache_info())

@functools.lru_cache(maxsize=0)
def never(x):
    return x
never(1); never(1)
print(never.cache_info())

@functools.lru_cache(maxsize=2)
def kw(a, b=0):
    print("kw miss", a, b)
    return a + b
kw(1, b=2); kw(1, 2); kw(a=1, b=2); kw(1, b=2)
print(kw.cache_info())

@functools.lru_cache(maxsize=-5)
def neg(x):
    return x
neg(1); neg(1)
print(neg.cache_info())

try:
    functools.lru_cache(maxsize="big")
except TypeError as e:
    print("TypeError:", e)
try:
    square([1])
except TypeError as e:
    print("TypeError:", e)

class Calc:
    def __init__(self, base):
        self.base = base
    @functools.lru_cache(maxsize=4)
    def add(self, x):
        print("Calc.add miss", x)
        return self.base + x
c = Calc(10)
print(c.add(1), c.add(1), Calc.add.cache_info())
