# enum: definition, members, lookups, iteration, aliases, auto, unique, errors
import enum
from enum import Enum, IntEnum, StrEnum, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1          # alias of RED

    def describe(self):
        return "%s is %d" % (self.name, self.value)

    @classmethod
    def favourite(cls):
        return cls.GREEN

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(Color(1), Color(Color.BLUE), Color['GREEN'], Color.CRIMSON, Color.CRIMSON is Color.RED)
print(list(Color), len(Color), list(reversed(Color)))
print(list(Color.__members__), Color.__members__['CRIMSON'])
print(Color.RED in Color, type(Color.RED), type(Color), repr(Color), isinstance(Color.RED, Color))
print(Color.RED.describe(), Color.favourite(), Color.RED == Color.RED, Color.RED != Color.BLUE)
print(Color.RED == 1, Color.RED is Color(1), hash(Color.RED) == hash("RED"))
print(f"{Color.RED}", format(Color.GREEN), "%s" % Color.BLUE, str(Color.BLUE))
print({Color.RED: "r", Color.GREEN: "g"}[Color(1)])
print(Color._member_names_, Color.BLUE._value_, Color.BLUE._name_)
print(issubclass(Color, Enum), enum.EnumMeta is enum.EnumType, bool(Color))

class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    TRIANGLE = 10
    HEXAGON = auto()
print(list(Shape), Shape.HEXAGON.value, auto())

class Lower(StrEnum):
    ALPHA = auto()
    BETA = "b"
print(list(Lower), Lower.ALPHA, repr(Lower.BETA), Lower.ALPHA == "alpha", Lower("b"), f"{Lower.ALPHA}!")
print(Lower.ALPHA.upper(), isinstance(Lower.ALPHA, str))

class Num(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3
print(Num.ONE, repr(Num.TWO), str(Num.THREE), f"{Num.ONE}", Num.ONE + Num.TWO, Num.TWO * 10)
print(Num.ONE == 1, Num(2), Num.THREE > Num.ONE, sorted([Num.THREE, Num.ONE]), int(Num.TWO))
print(isinstance(Num.ONE, int), list(range(Num.THREE)), Num.ONE < 5, hash(Num.ONE) == hash(1))

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH, Planet.EARTH.value, Planet.EARTH.mass, Planet((3.303e+23, 2.4397e6)))

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal))
Dir = Enum('Dir', [('UP', 'u'), ('DOWN', 'd')])
print(list(Dir), Dir('d'))
Seq = Enum('Seq', ['A', 'B'], start=10)
print(list(Seq))

class Status(Enum):
    ACTIVE = 1
    INACTIVE = 2
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None
print(Status("active"), Status(2))

def attempt(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", result)

attempt("bad value", lambda: Color(7))
attempt("bad str value", lambda: Color('x'))
attempt("bad name", lambda: Color['PURPLE'])
attempt("reassign", lambda: setattr(Color, 'RED', 5))
attempt("delete", lambda: delattr(Color, 'RED'))
def extend():
    class More(Color):
        X = 1
attempt("extend", extend)
attempt("order", lambda: Color.RED < Color.BLUE)
attempt("set name", lambda: setattr(Color.RED, 'name', 'x'))
attempt("strenum int", lambda: StrEnum('S', [('A', 1)]))
attempt("missing str", lambda: Status(5))

@unique
class Fine(Enum):
    A = 1
    B = 2
print(list(Fine))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print("ValueError:", e)
