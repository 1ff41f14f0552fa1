# Lesson 14: __del__ and reference cycles
#
# An object in a cycle is not freed when your last name for it disappears,
# so its __del__ does not run then. It runs only when the cycle collector
# finds the cycle -- which may be much later, or never if gc is disabled.
#
# Before Python 3.4, the collector refused to free cycles containing
# objects with __del__ and parked them in gc.garbage (a permanent leak).
# Since 3.4 (PEP 442) it calls every finalizer in the cycle first (while all
# objects are still intact), then checks whether anything was resurrected,
# and only then breaks the cycle. The order in which the finalizers of one
# cycle run is not something to rely on, so we sort what we print.
import gc
import weakref

gc.collect()
events = []


class Res:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        # during cycle collection the peer is still fully usable
        peer = self.peer.name if self.peer is not None else None
        events.append(f"__del__ of {self.name} (peer still reachable: {peer})")


print("== __del__ is delayed until the collector runs ==")
a = Res("A")
b = Res("B")
a.peer = b
b.peer = a
del a, b
print("after del a, b, finalizers run so far:", len(events))
n = gc.collect()
print("gc.collect() found", n, "unreachable objects")
for line in sorted(events):
    print("  ", line)
print("gc.garbage (uncollectable objects):", gc.garbage)

print()
print("== with gc disabled, the finalizer never runs on its own ==")
events.clear()
gc.disable()
a = Res("C")
a.peer = a                    # a self-cycle
del a
for i in range(20000):        # lots of allocation: normally triggers gc
    junk = [i]
print("finalizers run with gc disabled:", len(events))
gc.enable()
gc.collect()
print("finalizers run after gc.enable(); gc.collect():", len(events))

print()
print("== resurrection inside a cycle ==")
saved = []


class Clingy:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print(f"   Clingy.__del__ for {self.name}: saving myself")
        saved.append(self)


c = Clingy("clingy")
watch = weakref.ref(c)
del c
print("gc.collect() found", gc.collect(), "unreachable object(s) (resurrection cancels the free)")
print("the object lives on in `saved`:", saved[0].name)
# Surprise: the collector clears weak references to garbage BEFORE it runs
# finalizers, so the weakref is dead even though the object came back.
print("weakref to it after the resurrection returns None:", watch() is None)
saved.clear()                 # drop the resurrected object again
print("after saved.clear(), gc.collect() found", gc.collect(), "(no second __del__)")

print()
print("== a cycle pointing at an outside object keeps it alive too ==")


class Payload:
    def __del__(self):
        print("   Payload.__del__ (freed only when the cycle is)")


a = Res("D")
a.peer = a
a.payload = Payload()         # not in the cycle, but owned by it
del a
print("payload still alive after del a; running gc.collect() ...")
gc.collect()
events.clear()
print("done")
