# Lesson 08: mutable default arguments
#
# Default values are evaluated ONCE, when the `def` statement runs, and
# stored on the function object (in f.__defaults__). Every call that uses
# the default gets that same object. With an immutable default that is
# harmless; with a mutable one (list, dict, set, instance) changes made in
# one call are seen by all later calls.
#
# The fixes: use None as a sentinel and create the object inside the
# function, or -- for dataclasses -- field(default_factory=list), which calls
# the factory once per new instance.
from dataclasses import dataclass, field


def add_item(item, bucket=[]):        # the classic bug
    bucket.append(item)
    return bucket


print("== one default list shared by all calls ==")
first = add_item("apple")
second = add_item("banana")
print("first call returned :", first)
print("second call returned:", second)
print("both calls returned the same list:", first is second)
print("the default lives on the function:", add_item.__defaults__)
print("passing a list explicitly bypasses it:", add_item("x", []))
print("the default still holds:", add_item.__defaults__[0])

print()
print("== the None-sentinel fix ==")


def add_item_fixed(item, bucket=None):
    if bucket is None:
        bucket = []                   # a new list on every call
    bucket.append(item)
    return bucket


print("first call :", add_item_fixed("apple"))
print("second call:", add_item_fixed("banana"))

print()
print("== the default is evaluated when `def` runs ==")
counter = [0]


def next_value():
    counter[0] += 1
    return counter[0]


def stamped(value=next_value()):
    return value


print("stamped() =", stamped(), "| stamped() =", stamped(),
      "| next_value was called", counter[0], "time(s)")

print()
print("== dataclasses refuse a mutable default ==")
try:
    @dataclass
    class BadCart:
        items: list = []
except ValueError as exc:
    print("ValueError:", exc)

print()
print("== field(default_factory=list) gives each instance its own list ==")


@dataclass
class Cart:
    owner: str
    items: list = field(default_factory=list)


a = Cart("ann")
b = Cart("bob")
a.items.append("tea")
print("a:", a)
print("b:", b)
print("a.items is b.items:", a.items is b.items)

print()
print("== the same trap with a plain class attribute ==")


class Team:
    members = []                      # ONE list, owned by the class

    def join(self, name):
        self.members.append(name)     # finds the class attribute


red = Team()
blue = Team()
red.join("rita")
blue.join("bill")
print("red.members:", red.members, "| blue.members:", blue.members)
print("both are Team.members:", red.members is Team.members is blue.members)
