# enum: methods and properties on members, mixins, copy, _order_, _ignore_,
# _generate_next_value_, enum members as dict keys and in sets
import copy
from enum import Enum, IntEnum, auto

class Weekday(Enum):
    _ignore_ = ['_tmp']
    _tmp = 5
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3

    @property
    def is_early(self):
        return self.value <= 2

    def next(self):
        members = list(type(self))
        return members[(members.index(self) + 1) % len(members)]

    def __str__(self):
        return self.name.title()

print([d.is_early for d in Weekday], Weekday.WEDNESDAY.next(), Weekday.MONDAY, repr(Weekday.MONDAY))
print(hasattr(Weekday, '_tmp'), f"{Weekday.TUESDAY:>10}|")

class Ordered(Enum):
    _order_ = 'A B'
    A = 1
    B = 2
print(list(Ordered))
try:
    class BadOrder(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
except TypeError as e:
    print("TypeError:", e)

class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    NORTH = auto()
    SOUTH = auto()
print(list(Named), Named.SOUTH.value)

print(copy.copy(Weekday.MONDAY) is Weekday.MONDAY, copy.deepcopy([Weekday.TUESDAY])[0] is Weekday.TUESDAY)
print({Weekday.MONDAY, Weekday.MONDAY, Weekday.TUESDAY} == {Weekday.TUESDAY, Weekday.MONDAY})
counts = {}
for d in [Weekday.MONDAY, Weekday.TUESDAY, Weekday.MONDAY]:
    counts[d] = counts.get(d, 0) + 1
print(counts[Weekday.MONDAY], len(counts))

class Base(Enum):
    def shout(self):
        return self.name.upper() + "!"

class Sub(Base):
    x = 1
    y = 2
print(Sub.x.shout(), list(Sub), isinstance(Sub.x, Base))

class Priority(IntEnum):
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()
print(list(Priority), max(Priority), Priority.HIGH - 1, Priority(2).name, [p.value for p in Priority])
print(sorted([Priority.HIGH, Priority.LOW, 2]), Priority.LOW in Priority)

class Pair(tuple, Enum):
    ORIGIN = (0, 0)
    UNIT = (1, 1)
print(Pair.UNIT, Pair.UNIT[0], Pair.ORIGIN == (0, 0), Pair((1, 1)))

class Rank(float, Enum):
    HALF = 0.5
    ONE = 1.0
print(repr(Rank.HALF), Rank.HALF * 2, Rank(1.0))

class Member(Enum):
    name = 1
    other = 2
print(Member.other, Member['name'], Member['name'].name, Member['name'].value)

class Thing(Enum):
    A = [1, 2]
    B = {'x': 1}
print(Thing([1, 2]), Thing({'x': 1}), Thing.A.value)
