# Lesson 23: closures, cells and late binding
#
# When an inner function uses a variable of its enclosing function, CPython
# stores that variable in a *cell*: a tiny object holding one reference. The
# outer function and every inner function that uses the variable share the
# same cell. The inner function object keeps the cells in __closure__, which
# is why the variable outlives the call that created it.
#
# A closure captures the VARIABLE (the cell), not the value it had when the
# inner function was defined. The value is looked up when the inner function
# runs: "late binding". In a loop, all closures share one variable and see
# its final value. Binding the current value as a default argument fixes it,
# because defaults are evaluated when `def`/`lambda` runs.
import functools


def make_multiplier(factor):
    def multiply(x):
        return x * factor
    return multiply


print("== the closure and its cell ==")
times3 = make_multiplier(3)
print("times3(5) =", times3(5))
print("free variables of multiply:", times3.__code__.co_freevars)
print("cell variables of make_multiplier:", make_multiplier.__code__.co_cellvars)
print("number of cells in times3.__closure__:", len(times3.__closure__))
print("the cell's contents:", times3.__closure__[0].cell_contents)
print("type of the cell:", type(times3.__closure__[0]).__name__)

print()
print("== closures from one call share the same cell ==")


def make_account():
    balance = 0

    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance

    def read():
        return balance

    return deposit, read


deposit, read = make_account()
deposit(10)
deposit(5)
print("read() after two deposits:", read())
print("deposit and read share one cell:", deposit.__closure__[0] is read.__closure__[0])
deposit2, read2 = make_account()
print("a second call makes a new cell:", deposit2.__closure__[0] is not deposit.__closure__[0])

print()
print("== the cell keeps only captured variables alive ==")


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"   {self.name} freed")


def build():
    kept = Loud("captured")
    dropped = Loud("not captured")

    def use():
        return kept.name

    return use


f = build()
print("after build() returned, f() =", f())
del f
print("after del f")

print()
print("== late binding in a loop ==")
# At module level these lambdas look up the global i; inside a function they
# would share one cell for i. Either way they see i's value at call time.
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print("lambdas from a loop return:", [fn() for fn in funcs])
i = 100
print("after i = 100 they return  :", [fn() for fn in funcs])

adders = [lambda x: x + n for n in range(3)]
print("comprehension version, adders[0](10):", adders[0](10), "(all use the last n)")
print("the comprehension's lambdas share one cell for n:",
      adders[0].__closure__[0] is adders[2].__closure__[0])

print()
print("== fix 1: a default argument freezes the current value ==")
funcs = [lambda i=i: i for i in range(3)]
print("lambda i=i: i ->", [fn() for fn in funcs])

print()
print("== fix 2: a factory function gives each closure its own cell ==")
funcs = [make_multiplier(k) for k in range(3)]
print("make_multiplier(k)(10) ->", [fn(10) for fn in funcs])

print()
print("== fix 3: functools.partial stores the argument ==")


def power(base, exp):
    return base ** exp


squares_and_cubes = [functools.partial(power, exp=e) for e in (2, 3)]
print("partial(power, exp=e)(4) ->", [fn(4) for fn in squares_and_cubes])

print()
print("== a variable can be captured before it is assigned ==")


def early():
    def get():
        return later
    try:
        get()
    except NameError as exc:      # the cell is still empty
        print("   calling get() too early ->", type(exc).__name__ + ":", exc)
    later = "now assigned"
    return get()


print("   calling get() afterwards ->", early())
