# Lesson 16: breaking cycles with weak references
#
# Many data structures have natural back-links: a child knows its parent, an
# observer is registered with a subject, a cache maps to the objects that
# use it. With strong references on both sides, every such pair is a cycle
# that only the cycle collector can free.
#
# Make the back-link weak and the cycle disappears: ordinary reference
# counting frees the structure the moment it becomes unreachable, with no
# help from gc. To prove it, this lesson turns the collector off.
import gc
import weakref

gc.disable()


class Parent:
    def __init__(self, name):
        self.name = name
        self.children = []

    def add(self, child):
        self.children.append(child)
        child.set_parent(self)

    def __del__(self):
        print(f"   Parent {self.name} freed")


class StrongChild:
    def __init__(self, name):
        self.name = name
        self.parent = None

    def set_parent(self, parent):
        self.parent = parent               # strong back-link: a cycle


class WeakChild:
    def __init__(self, name):
        self.name = name
        self._parent = None

    def set_parent(self, parent):
        self._parent = weakref.ref(parent)  # weak back-link: no cycle

    @property
    def parent(self):
        return None if self._parent is None else self._parent()

    def __del__(self):
        print(f"   WeakChild {self.name} freed")


print("== strong back-links: the tree leaks until gc runs ==")
p = Parent("strong")
p.add(StrongChild("s1"))
del p
print("after del p: (nothing freed, gc is disabled)")

print()
print("== weak back-links: freed immediately by refcounting ==")
p = Parent("weak")
p.add(WeakChild("w1"))
p.add(WeakChild("w2"))
kid = p.children[0]
print("child can still reach its parent:", kid.parent.name)
del p
print("after del p: the child we kept sees parent =", kid.parent)
del kid

print()
print("== observers: a WeakSet does not keep listeners alive ==")


class Subject:
    def __init__(self):
        self.listeners = weakref.WeakSet()

    def notify(self, msg):
        for name in sorted(l.name for l in self.listeners):
            print(f"   {name} got {msg!r}")


class Listener:
    def __init__(self, name):
        self.name = name


subject = Subject()
l1 = Listener("first")
l2 = Listener("second")
subject.listeners.add(l1)
subject.listeners.add(l2)
subject.notify("hello")
del l1
print("after del l1, listeners registered:", len(subject.listeners))
subject.notify("again")

print()
print("== a bound method needs weakref.WeakMethod ==")


class Button:
    def __init__(self):
        self.name = "button"

    def clicked(self):
        return f"{self.name} clicked"


btn = Button()
plain = weakref.ref(btn.clicked)
print("weakref.ref(btn.clicked)() is None:", plain() is None,
      "(the bound method was a temporary and died at once)")
wm = weakref.WeakMethod(btn.clicked)
print("WeakMethod while btn lives:", wm()())
del btn
print("WeakMethod after del btn returns None:", wm() is None)

print()
gc.enable()
print("gc.collect() now frees the strong tree from the first section:")
gc.collect()
