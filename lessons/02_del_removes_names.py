# Lesson 02: `del` removes a name, not an object
#
# `del name` unbinds the name: afterwards the name no longer exists in that
# namespace. The object the name referred to loses one reference. Only when
# its *last* reference disappears does CPython free the object, and that
# happens immediately (reference counting), not "later".
#
# To watch an object being freed we give its class a __del__ method, which
# CPython calls just before the object is destroyed (lesson 11 covers
# __del__ in detail).
import sys


class Noisy:
    def __init__(self, label):
        self.label = label

    def __del__(self):
        print(f"   [{self.label} is being freed]")


print("== two names, one object ==")
a = Noisy("box")
b = a
print("refcount (one extra for getrefcount):", sys.getrefcount(a))
print("del a ...")
del a
print("after del a: b still works, b.label =", b.label)
try:
    print(a)
except NameError as exc:
    print("using a now raises NameError:", exc)
print("del b ... (the last reference)")
del b
print("after del b")

print()
print("== del on a container item removes the container's reference ==")
items = [Noisy("first"), Noisy("second")]
keep = items[0]
print("del items[0] (but `keep` still refers to it) ...")
del items[0]
print("items now has", len(items), "element(s); keep.label =", keep.label)
print("del items[0] again (that was the only reference to 'second') ...")
del items[0]
print("items is now", items)
print("rebinding keep frees 'first':")
keep = None
print("done")

print()
print("== del inside a function only affects that function's name ==")


def drop(obj):
    print("   inside drop: del obj")
    del obj
    print("   inside drop: obj is gone from this frame")


c = Noisy("argument")
drop(c)
print("after drop(c), caller's c.label =", c.label)
c = None

print()
print("== a deleted local is unbound, not None ==")


def unbound():
    v = 1
    del v
    return v


try:
    unbound()
except UnboundLocalError as exc:
    print("UnboundLocalError:", exc)

print()
print("== deleting a name that does not exist ==")
try:
    del never_defined
except NameError as exc:
    print("NameError:", exc)
