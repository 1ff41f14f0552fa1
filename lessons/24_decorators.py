# Lesson 24: decorators
#
#     @decorator
#     def f(): ...
#
# is just shorthand for
#
#     def f(): ...
#     f = decorator(f)
#
# It runs ONCE, when the `def` statement executes, and the name f is bound
# to whatever the decorator returns -- usually a wrapper closure that keeps
# the original function alive in its cell. Stacked decorators apply bottom
# to top. A decorator "with arguments" is a function that returns a
# decorator.
import functools

print("== decoration happens at definition time ==")


def announce(func):
    print(f"   announce() is decorating {func.__name__}")
    return func


@announce
def hello():
    return "hello"


print("hello() =", hello())

print()
print("== a wrapper closure ==")
calls = []


def logged(func):
    def wrapper(*args, **kwargs):
        calls.append(func.__name__)
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a, b):
    return a + b


print("add(2, 3) =", add(2, 3), "| calls logged:", calls)
print("but the name is now:", add.__name__, "(the wrapper's)")
print("the original lives in the wrapper's cell:",
      add.__closure__[0].cell_contents.__name__)

print()
print("== functools.wraps copies the metadata ==")


def logged_properly(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


@logged_properly
def mul(a, b):
    """Multiply two numbers."""
    return a * b


print("name:", mul.__name__, "| doc:", mul.__doc__)
print("mul.__wrapped__(6, 7) calls the original:", mul.__wrapped__(6, 7))

print()
print("== the @ form equals a plain call ==")


def sub(a, b):
    return a - b


original = sub
sub = logged_properly(sub)
print("sub is now a different object:", sub is not original,
      "| sub.__wrapped__ is original:", sub.__wrapped__ is original)

print()
print("== decorators with arguments ==")


def repeat(times):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator


@repeat(3)
def shout(word):
    return word.upper()


print("shout('hi') =", shout("hi"))

print()
print("== stacking: the decorator nearest the def is applied first ==")


def tag(name):
    def decorator(func):
        print(f"   applying {name}")

        @functools.wraps(func)
        def wrapper():
            return f"<{name}>{func()}</{name}>"
        return wrapper
    return decorator


@tag("b")
@tag("i")
def text():
    return "word"


print("text() =", text())

print()
print("== class decorators and registries ==")
registry = {}


def register(cls):
    registry[cls.__name__] = cls
    return cls                       # return the class unchanged


@register
class Circle:
    pass


@register
class Square:
    pass


print("registered:", sorted(registry))

print()
print("== a caching decorator keeps results (and arguments) alive ==")


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("fib(60) =", fib(60))
info = fib.cache_info()
print("cache entries held:", info.currsize, "| hits:", info.hits, "| misses:", info.misses)
fib.cache_clear()
print("after cache_clear():", fib.cache_info().currsize, "entries")
