# Lesson 25: class namespaces -- a class body does not enclose its methods
#
# A `class` statement runs its body once, top to bottom, like a function
# body, in a fresh namespace. When the body finishes, that namespace becomes
# the class's __dict__. Methods are just functions stored there.
#
# But the class body is NOT an enclosing scope for the functions defined in
# it: inside a method, a bare name skips the class namespace entirely and is
# looked up as local -> enclosing FUNCTIONS -> global -> builtins. To reach a
# class attribute from a method, go through self or the class.
# The same holds for comprehensions in a class body (they are functions
# too), except for their first iterable, which is evaluated in the class
# body itself.

print("== the class body runs once, at definition time ==")


class Config:
    print("   class body running")
    size = 10
    doubled = size * 2           # class-body names are visible in the body
    print(f"   doubled = {doubled}")

    def show(self):
        return self.size         # through self: fine


print("class attributes in __dict__:",
      sorted(k for k in vars(Config) if not k.startswith("__")))
print("Config().show() =", Config().show())

print()
print("== a method cannot see class-body names directly ==")


class Broken:
    limit = 5

    def check(self):
        return limit             # not local, not enclosing, not global


try:
    Broken().check()
except NameError as exc:
    print("NameError:", exc)

print()
print("== methods see the enclosing FUNCTION, skipping the class body ==")
value = "global value"


def factory():
    value = "function value"

    class Inner:
        value = "class value"

        def get(self):
            return value         # skips Inner's namespace

        def get_attr(self):
            return self.value

    return Inner()


obj = factory()
print("bare name in the method   ->", obj.get())
print("self.value in the method  ->", obj.get_attr())

print()
print("== comprehensions in a class body ==")


class Table:
    factor = 10
    rows = [1, 2, 3]
    first = [r for r in rows]             # first iterable runs in the class body: ok
    try:
        scaled = [r * factor for r in rows]   # `factor` is looked up from the inner scope
    except NameError as exc:
        error = f"NameError: {exc}"


print("first =", Table.first)
print("scaled failed with", Table.error)

print()
print("== instance attributes shadow class attributes ==")


class Counter:
    count = 0                    # shared default on the class


a = Counter()
b = Counter()
a.count = 5                      # creates an instance attribute on a only
print("a.count:", a.count, "| b.count:", b.count, "| Counter.count:", Counter.count)
print("a's own attributes:", vars(a), "| b's:", vars(b))
del a.count
print("after del a.count, a.count falls back to the class:", a.count)
Counter.count = 7
print("changing the class attribute is seen by both:", a.count, b.count)

print()
print("== functions in the class become bound methods on access ==")


class Greeter:
    def hi(self):
        return "hi"


g = Greeter()
print("type(Greeter.__dict__['hi']):", type(Greeter.__dict__["hi"]).__name__)
print("type(Greeter.hi):", type(Greeter.hi).__name__)
print("type(g.hi):", type(g.hi).__name__)
print("g.hi is g.hi:", g.hi is g.hi, "(a new bound method on every access)")
print("g.hi == g.hi:", g.hi == g.hi)
print("g.hi.__self__ is g:", g.hi.__self__ is g, "| g.hi.__func__ is Greeter.hi:",
      g.hi.__func__ is Greeter.hi)
