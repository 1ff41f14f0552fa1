# Lesson 12: weak references -- weakref.ref and weakref.finalize
#
# A weak reference lets you refer to an object WITHOUT keeping it alive: it
# does not add to the reference count. Calling the weak reference returns the
# object while it lives, and None after it has been freed. An optional
# callback runs when the object dies.
#
# weakref.finalize(obj, func, *args) registers func(*args) to run when obj
# dies (or at interpreter exit if obj is still alive then). It runs at most
# once, and you can run it early by calling it. Unlike __del__ it lives
# outside the object, so the class needs no special method -- but func and
# args must not refer to obj, or obj can never die.
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name!r})"


print("== a weak reference does not count ==")
n = Node("a")
print("refcount before:", sys.getrefcount(n))
r = weakref.ref(n)
print("refcount with a weakref:", sys.getrefcount(n))
print("weakref count:", weakref.getweakrefcount(n))
print("r() while alive:", r())
print("r() is n:", r() is n)
del n
print("r() after the last strong reference is gone:", r())

print()
print("== a callback runs when the referent dies ==")


def on_death(ref):
    # the object is already gone: ref() returns None here
    print("   callback: the referent died; ref() is now", ref())


n = Node("b")
r = weakref.ref(n, on_death)
print("n = None ...")
n = None
print("after n = None")

print()
print("== not every type can be weakly referenced ==")
for value in (1, "text", (1, 2), [1, 2], {"k": 1}):
    try:
        weakref.ref(value)
        print(type(value).__name__, "-> ok")
    except TypeError as exc:
        print(type(value).__name__, "-> TypeError:", exc)


class MyList(list):
    pass


ml = MyList([1, 2])
print("a list subclass can be weakly referenced:", weakref.ref(ml)() is ml)

print()
print("== WeakValueDictionary: a cache that does not keep values alive ==")
cache = weakref.WeakValueDictionary()
x = Node("x")
y = Node("y")
cache["x"] = x
cache["y"] = y
print("cache size with both alive:", len(cache))
del x
print("after del x, cache size:", len(cache), "| 'x' in cache:", "x" in cache)
print("cache['y']:", cache["y"])

print()
print("== weakref.finalize ==")


def cleanup(label):
    print(f"   finalize callback: cleaning up {label}")


n = Node("c")
fin = weakref.finalize(n, cleanup, "resource of c")
print("fin.alive:", fin.alive)
print("del n ...")
del n
print("fin.alive after the object died:", fin.alive)

print()
print("== finalize can run early, and only once ==")
n = Node("d")
fin = weakref.finalize(n, cleanup, "resource of d")
print("calling fin() by hand ...")
fin()
print("fin.alive:", fin.alive, "| calling fin() again does nothing:", fin())
print("del n (no second cleanup):")
del n

print()
print("== the trap: the callback must not refer to the object ==")


class Holder:
    def __init__(self):
        self.name = "holder"

    def close(self):
        print("   Holder.close()")


h = Holder()
watch = weakref.ref(h)
fin = weakref.finalize(h, h.close)      # the bound method keeps h alive!
del h
print("after del h, is the object still alive?", watch() is not None)
print("detach() hands back (obj, func, args, kwargs) and forgets the callback:")
obj, func, args, kwargs = fin.detach()
print("   detached object's name:", obj.name)
del obj, func
print("now is it alive?", watch() is not None)
