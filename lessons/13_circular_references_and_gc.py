# Lesson 13: circular references, leaks, and the cycle collector
#
# Reference counting cannot free a cycle: if a refers to b and b refers to
# a, each keeps the other's count above zero even after your program has
# lost every way to reach them. Such objects are garbage, but refcounting
# alone would leak them forever.
#
# CPython therefore also has a *cyclic garbage collector* (module gc). It
# periodically looks at container objects (objects that can refer to other
# objects: lists, dicts, instances, ...), finds groups that are only
# referenced from inside the group, and frees them.
#
# Generations: new container objects start in generation 0. A collection of
# generation 0 is triggered automatically when (allocations - deallocations)
# of tracked containers exceeds threshold 0 (700). Survivors move to
# generation 1, then 2; older generations are collected less often
# (thresholds 10 and 10 count collections of the younger generation).
# gc.collect() runs a full collection right now and returns the number of
# unreachable objects it found.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


gc.collect()                  # start from a clean state
print("== a cycle survives `del` ==")
a = Node("a")
b = Node("b")
a.other = b
b.other = a                   # a -> b -> a
watch_a = weakref.ref(a)
watch_b = weakref.ref(b)
del a, b
print("after del a, b: a alive?", watch_a() is not None, "| b alive?", watch_b() is not None)
found = gc.collect()
# Two objects: in CPython 3.11 an instance keeps its attributes inline, so no
# separate __dict__ objects exist unless something asks for obj.__dict__.
print("gc.collect() found", found, "unreachable objects")
print("after gc.collect(): a alive?", watch_a() is not None, "| b alive?", watch_b() is not None)

print()
print("== the smallest cycle: a list containing itself ==")
lst = []
lst.append(lst)
print("lst[0] is lst:", lst[0] is lst)
del lst
print("gc.collect() found", gc.collect(), "unreachable object")

print()
print("== without the collector, cycles leak ==")
gc.disable()
watchers = []
for i in range(1000):
    x = Node(i)
    y = Node(i)
    x.other = y
    y.other = x
    watchers.append(weakref.ref(x))
del x, y
alive = sum(1 for w in watchers if w() is not None)
print("gc disabled; cycles created: 1000, still alive:", alive)
gc.enable()
gc.collect()
alive = sum(1 for w in watchers if w() is not None)
print("after gc.enable(); gc.collect(): still alive:", alive)

print()
print("== automatic collection: generation 0 fills up ==")
print("thresholds (gen0, gen1, gen2):", gc.get_threshold())
runs = []


def record(phase, info):
    if phase == "start":
        runs.append(info["generation"])


gc.callbacks.append(record)
watchers = []
for i in range(5000):
    x = Node(i)
    x.other = x                  # a one-object cycle
    watchers.append(weakref.ref(x))
del x
gc.callbacks.remove(record)
alive = sum(1 for w in watchers if w() is not None)
print("5000 self-cycles made with no gc.collect() call")
print("automatic collections happened:", len(runs) > 0)
print("most of them were generation-0 collections:", runs.count(0) > len(runs) // 2)
print("cycles already freed automatically:", alive < 5000)
gc.collect()
print("after a final gc.collect(), still alive:", sum(1 for w in watchers if w() is not None))

print()
print("== gc only tracks containers ==")
print("int tracked:", gc.is_tracked(12345), "| str tracked:", gc.is_tracked("text"))
print("list tracked:", gc.is_tracked([]), "| instance tracked:", gc.is_tracked(Node("n")))
d = {"k": 1}
print("dict holding only atomic values tracked:", gc.is_tracked(d))
d["k"] = []
print("same dict after storing a list in it:", gc.is_tracked(d))

print()
print("== gc.get_referents: what an object refers to ==")
inner = [1]
outer = [inner, "s"]
print("referents of outer:", gc.get_referents(outer),
      "(CPython visits list items last to first)")
print("outer is among inner's referrers:",
      any(r is outer for r in gc.get_referrers(inner)))
