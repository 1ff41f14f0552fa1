# functools: partial, reduce, wraps/update_wrapper, total_ordering, cmp_to_key,
# cached_property, singledispatch
import functools
from functools import partial, reduce, wraps, total_ordering, cmp_to_key

def power(base, exponent, *, mod=None):
    return pow(base, exponent, mod)

square = partial(power, exponent=2)
cube_mod = partial(power, exponent=3, mod=5)
print(square(7), cube_mod(4), square.func is power, square.args, square.keywords)
two_to = partial(power, 2)
print(two_to(10), two_to.args, repr(two_to).startswith("functools.partial(<function power at "))
print(repr(two_to).endswith(">, 2)"), repr(square).endswith(", exponent=2)"))
nested = partial(two_to, mod=1000)
print(nested(20), nested.func is power, nested.args, nested.keywords)
p = partial(max, 3)
print(p(1, 5), repr(p), repr(partial(int, "10", base=2)), partial(int, "10", base=2)())
class SubPartial(partial):
    pass
print(repr(SubPartial(max, 1)))
try:
    partial(1)
except TypeError as e:
    print("TypeError:", e)

print(reduce(lambda a, b: a + b, [1, 2, 3, 4, 5]), reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, [], "init"), reduce(lambda a, b: b, "xyz"))
for args in (([],), (5,)):
    try:
        reduce(lambda a, b: a, *args)
    except TypeError as e:
        print("TypeError:", e)

def log_calls(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args)
        return func(*args, **kwargs)
    return wrapper

@log_calls
def greet(name):
    """Say hello."""
    return "hello " + name
print(greet("ann"), greet.__name__, greet.__doc__, greet.__wrapped__("bob"), greet.__qualname__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
def target(): pass
target.attr = 5
def shell(): pass
functools.update_wrapper(shell, target)
print(shell.__name__, shell.attr, shell.__wrapped__ is target)

@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return "V%d" % self.n
print(Version(1) <= Version(2), Version(3) > Version(2), Version(2) >= Version(2), sorted([Version(3), Version(1)]))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)

def by_length_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
print(sorted(["ccc", "a", "bb", "aa", "b"], key=cmp_to_key(by_length_then_alpha)))

class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print("computing area")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, "area" in c.__dict__)
del c.area
print(c.area)

@functools.singledispatch
def describe(x):
    return "object " + repr(x)
@describe.register(int)
def _(x):
    return "int %d" % x
@describe.register
def _(x: list):
    return "list of %d" % len(x)
print(describe(5), describe([1, 2]), describe("s"), describe(True), describe.dispatch(bool).__name__)
