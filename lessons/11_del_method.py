# Lesson 11: the __del__ method (finalizer)
#
# If a class defines __del__, CPython calls it when an instance is about to
# be destroyed -- in CPython that is the moment its reference count hits 0.
# __del__ is a *finalizer*, not a destructor:
#   * `del obj` only removes a name; __del__ runs only when the LAST
#     reference goes away.
#   * Calling obj.__del__() yourself just runs the method; nothing is freed.
#   * __del__ can "resurrect" the object by storing `self` somewhere. Since
#     Python 3.4 (PEP 442) it is still called at most once per object.
#   * Exceptions raised inside __del__ cannot propagate (there is no caller
#     to receive them); CPython reports them through sys.unraisablehook and
#     carries on. Normally the hook prints "Exception ignored in ..." to
#     stderr; here we install our own hook to show the report on stdout.
import sys


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"   __del__ called for {self.name}")


print("== __del__ runs when the last reference disappears ==")
r = Resource("r1")
alias = r
print("del r (alias still refers to it)")
del r
print("del alias (last reference)")
del alias
print("done")

print()
print("== calling __del__ by hand frees nothing ==")
r = Resource("r2")
r.__del__()
print("object still usable after manual __del__():", r.name)
print("dropping it for real (CPython calls __del__ again, it does not know):")
r = None

print()
print("== resurrection: __del__ stores self somewhere ==")
graveyard = []


class Phoenix:
    calls = 0

    def __init__(self, name):
        self.name = name

    def __del__(self):
        Phoenix.calls += 1
        print(f"   Phoenix.__del__ call #{Phoenix.calls} for {self.name}; resurrecting")
        graveyard.append(self)


p = Phoenix("bird")
p = None
print("after p = None, the object is alive in graveyard:", graveyard[0].name)
print("drop it again (graveyard.clear()) ...")
graveyard.clear()
print("__del__ was called", Phoenix.calls, "time(s) in total (at most once, PEP 442)")

print()
print("== exceptions in __del__ are reported, not raised ==")


def show_unraisable(info):
    print(f"   unraisablehook: {type(info.exc_value).__name__}: {info.exc_value}"
          f" (raised in {info.object.__qualname__})")


class Faulty:
    def __del__(self):
        raise RuntimeError("cleanup failed")


old_hook = sys.unraisablehook
sys.unraisablehook = show_unraisable
f = Faulty()
print("dropping a Faulty ...")
f = None
print("the program continues normally after the failing __del__")
sys.unraisablehook = old_hook

print()
print("== a subclass's __del__ should call the parent's ==")


class Base:
    def __del__(self):
        print("   Base.__del__")


class Child(Base):
    def __del__(self):
        print("   Child.__del__")
        super().__del__()


c = Child()
del c

print()
print("== __del__ sees a fully intact object; attributes die after it ==")


class Part:
    def __del__(self):
        print("   Part.__del__ (after the whole's __del__)")


class Whole:
    def __init__(self):
        self.part = Part()

    def __del__(self):
        print("   Whole.__del__: self.part is still there:", type(self.part).__name__)


w = Whole()
w = None
print("end")
