# gc.DEBUG_COLLECTABLE writes "gc: collectable <type address>" to sys.stderr
# for every unreachable object, before weakref callbacks and __del__ run
# (so a resurrected object is listed too); DEBUG_UNCOLLECTABLE lists
# nothing since PEP 442 (no legacy finalizers in Python code).
import gc
import sys
import weakref

class Capture:
    def __init__(self):
        self.lines = []
    def write(self, text):
        self.lines.append(text)

keep = []

class Phoenix:
    def __del__(self):
        print("Phoenix.__del__")
        keep.append(self)

class Node:
    pass

gc.collect()
names = {}
ph = Phoenix()
ph.me = ph
a = Node()
b = Node()
a.other = b
b.other = a
lst = [1, 2]
lst.append(lst)
for name, obj in [("ph", ph), ("a", a), ("b", b), ("lst", lst)]:
    names["%#x" % id(obj)] = name
del obj
wr = weakref.ref(a, lambda w: print("callback, stderr captured:", len(cap.lines)))
del ph, a, b, lst

cap = Capture()
sys.stderr = cap
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE)
n = gc.collect()
gc.set_debug(0)
sys.stderr = sys.__stderr__
print("collected", n)
for line in "".join(cap.lines).splitlines():
    head, addr = line.rsplit(" ", 1)
    print(head, names.get(addr.rstrip(">"), "?") + ">")
print(len(keep), type(keep[0]).__name__)
print(gc.garbage)
