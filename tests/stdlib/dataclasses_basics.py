# dataclasses: generated __init__/__repr__/__eq__, defaults, field(), errors
import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, MISSING

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p != Point(1, 3), p == (1, 2))
print(Point.__doc__, Point.__match_args__, Point.y, hasattr(Point, 'x'))
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__name__)
print(Point.__hash__, p.__dict__, dataclasses.is_dataclass(p), dataclasses.is_dataclass(Point))
print([f.name for f in fields(p)], [f.type for f in fields(Point)], fields(Point)[1].default)
print(asdict(p), astuple(p), replace(p, y=10), p)

@dataclass
class Inventory:
    name: str
    unit_price: float
    quantity: int = 0
    tags: list = field(default_factory=list)
    secret: str = field(default="hidden", repr=False)
    weight: float = field(default=1.0, compare=False)
    count: int = field(init=False, default=7)

    def total(self):
        return self.unit_price * self.quantity

a = Inventory("widget", 2.5, 4)
b = Inventory("widget", 2.5, 4, weight=99.0)
a.tags.append("new")
print(a, a.total(), a.count, a == b, Inventory("x", 1).tags is Inventory("x", 1).tags)
print(Inventory.__doc__)
print(asdict(a))

@dataclass
class Nested:
    points: list
    origin: Point
    lookup: dict
n = Nested([Point(1, 2), Point(3, 4)], Point(0, 0), {"a": Point(5, 6)})
print(n)
print(asdict(n))
print(astuple(n))
d = asdict(n)
print(d["points"] is n.points, d["origin"])

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(WithPost(21), WithPost(1) == WithPost(1))

@dataclass(init=False, repr=False, eq=False)
class Bare:
    x: int = 1
print(Bare().x, Bare() == Bare(), repr(Bare()).startswith("<"))

@dataclass
class Base:
    a: int
    b: str = "b"

@dataclass
class Child(Base):
    c: float = 1.5
    a: int = 10
print(Child(), Child(1, "x", 2.0), [f.name for f in fields(Child)], Child.__doc__)

@dataclass
class Empty:
    pass
print(Empty(), Empty() == Empty(), asdict(Empty()), Empty.__doc__)

def attempt(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", result)

attempt("missing", lambda: Point())
attempt("too many", lambda: Point(1, 2, 3))
attempt("unexpected", lambda: Point(1, z=3))
attempt("multiple", lambda: Point(1, x=3))

@dataclass
class Three:
    a: int
    b: int
    c: int
attempt("missing 3", lambda: Three())
attempt("missing 2", lambda: Three(1))
attempt("too many 3", lambda: Three(1, 2, 3, 4, 5))
attempt("init=False arg", lambda: Inventory("a", 1, 2, [], "s", 1.0, 5))
attempt("replace init=False", lambda: replace(a, count=1))
attempt("replace bad", lambda: replace(p, z=1))
attempt("fields of int", lambda: fields(5))
attempt("asdict of int", lambda: asdict(5))
attempt("replace non-dc", lambda: replace(5))
attempt("both defaults", lambda: field(default=1, default_factory=list))

def mutable_default():
    @dataclass
    class Bad:
        items: list = []
attempt("mutable default", mutable_default)

def order_default():
    @dataclass
    class Bad:
        x: int = 0
        y: int
attempt("non-default after default", order_default)

def no_annotation():
    @dataclass
    class Bad:
        x = field(default=1)
attempt("field without annotation", no_annotation)
