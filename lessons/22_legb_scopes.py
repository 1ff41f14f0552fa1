# Lesson 22: scopes -- LEGB, global and nonlocal
#
# When Python meets a name it looks in four places, in order:
#   L  Local      -- names assigned in the current function
#   E  Enclosing  -- locals of the functions the current one is nested in
#   G  Global     -- the module's namespace
#   B  Builtins   -- len, print, range, ...
#
# Which scope a name belongs to is decided when the function is COMPILED:
# if a function assigns to a name anywhere in its body, that name is local
# everywhere in the body (unless declared `global` or `nonlocal`).
import builtins
import sys

x = "global x"


def outer():
    x = "enclosing x"

    def inner():
        x = "local x"
        return x

    def inner_no_local():
        return x                   # found in the enclosing function

    return inner(), inner_no_local()


def read_global():
    return x


print("== L, E, G ==")
print("inner() sees          :", outer()[0])
print("inner_no_local() sees :", outer()[1])
print("read_global() sees    :", read_global())
print("B: len is found in builtins:", len is builtins.len)

print()
print("== shadowing a builtin, then uncovering it ==")
len = lambda obj: "not the real len"     # a global named len hides builtins.len
print("len([1, 2, 3]) with a global len:", len([1, 2, 3]))
del len                                  # remove the global; builtins.len is found again
print("after del len:", len([1, 2, 3]))

print()
print("== assignment anywhere makes the name local everywhere ==")
counter = 0


def broken_increment():
    counter = counter + 1        # `counter` is local here, read before assignment
    return counter


try:
    broken_increment()
except UnboundLocalError as exc:
    print("UnboundLocalError:", exc)


def shows_the_rule():
    print("   first print sees the global:", x)  # fine: x is never assigned here


shows_the_rule()

print()
print("== global: rebind a module-level name from a function ==")


def increment():
    global counter
    counter += 1


increment()
increment()
print("counter after two increment() calls:", counter)


def create_global():
    global created_later
    created_later = "made inside a function"


create_global()
print("a global created by a function:", created_later)

print()
print("== nonlocal: rebind a name in the enclosing function ==")


def make_counter():
    count = 0

    def step():
        nonlocal count
        count += 1
        return count

    return step


c = make_counter()
print("step() three times:", c(), c(), c())

print()
print("== nonlocal needs an existing enclosing binding (a compile-time check) ==")
source = "def f():\n    nonlocal missing\n"
try:
    compile(source, "example", "exec")
except SyntaxError as exc:
    print("SyntaxError:", exc.msg)

print()
print("== comprehensions have their own scope ==")
i = "module i"
squares = [i * i for i in range(4)]
print("squares:", squares, "| i after the comprehension:", i)
for j in range(3):
    pass
print("a for loop's variable leaks out: j =", j)

print()
print("== the namespaces are dictionaries ==")


def show_locals(a, b=2):
    total = a + b
    return sorted(locals())


print("locals() inside show_locals:", show_locals(1))
print("'counter' in globals():", "counter" in globals())
print("globals() is the module's __dict__:", globals() is sys.modules[__name__].__dict__)
