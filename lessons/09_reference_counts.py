# Lesson 09: reference counts and sys.getrefcount
#
# CPython stores in every object a count of the references pointing at it
# (ob_refcnt). Creating a reference adds one; dropping a reference subtracts
# one; when the count reaches zero the object is freed at once.
#
# sys.getrefcount(obj) returns that count, but always one too high: while
# getrefcount runs, its own parameter is a reference to the object.
#
# Only measure objects you created yourself. Shared objects like None, True,
# small ints or string constants are referenced from all over the
# interpreter, so their counts are huge and change for reasons unrelated to
# your program.
import sys


class Thing:
    def method(self):
        return sys.getrefcount(self)


def rc(label, obj_count):
    # obj_count must be sys.getrefcount(...) evaluated by the caller
    print(f"{label:52} {obj_count}")


print("== the +1 from getrefcount itself ==")
rc("a brand-new list passed straight in: getrefcount([])", sys.getrefcount([]))
t = Thing()
rc("one name (t):", sys.getrefcount(t))

print()
print("== every kind of reference counts ==")
u = t
rc("second name (u = t):", sys.getrefcount(t))
box = [t, t, t]
rc("three slots in a list:", sys.getrefcount(t))
d = {"key": t}
rc("a dict value:", sys.getrefcount(t))
holder = Thing()
holder.attr = t
rc("an attribute of another object:", sys.getrefcount(t))
pair = (t, None)
rc("a tuple slot:", sys.getrefcount(t))
bound = t.method
rc("a bound method (it remembers self):", sys.getrefcount(t))
print()
del u, box, d, holder, pair, bound
rc("after deleting all of those again:", sys.getrefcount(t))

print()
print("== calls and locals ==")


def look(param):
    return sys.getrefcount(param)


rc("inside look(t): t, param, getrefcount's arg", look(t))
rc("inside t.method(): t, self, getrefcount's arg", t.method())


def local_copies(obj):
    a = obj
    b = obj
    return sys.getrefcount(obj)


rc("inside a function with two extra locals:", local_copies(t))
rc("back outside, locals are gone:", sys.getrefcount(t))

print()
print("== iteration holds a reference to the container ==")
numbers = [1, 2, 3]
rc("list before the loop:", sys.getrefcount(numbers))
for n in numbers:
    during = sys.getrefcount(numbers)
rc("list during the for loop (the iterator holds it):", during)
rc("list after the loop:", sys.getrefcount(numbers))
it = iter(numbers)
rc("with an explicit iterator object alive:", sys.getrefcount(numbers))
del it

print()
print("== keys count too ==")
key = (1, 2, "k")          # a tuple we build (contains a constant)
key = tuple(list(key))     # make sure it is a fresh object, not a constant
rc("fresh tuple, one name:", sys.getrefcount(key))
table = {key: "value"}
rc("used as a dict key:", sys.getrefcount(key))
s = {key}
rc("and as a set member:", sys.getrefcount(key))
