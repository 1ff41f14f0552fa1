# dataclasses: frozen, order, unsafe_hash, kw_only, InitVar, make_dataclass,
# recursion in repr, inheritance rules
import dataclasses
from dataclasses import dataclass, field, FrozenInstanceError, InitVar, KW_ONLY

@dataclass(frozen=True)
class Frozen:
    x: int
    y: int = 2

f = Frozen(1)
print(f, hash(f) == hash((1, 2)), f == Frozen(1, 2), {f: "ok"}[Frozen(1)])
for action in ("assign", "new", "delete"):
    try:
        if action == "assign":
            f.x = 10
        elif action == "new":
            f.z = 3
        else:
            del f.y
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
print(dataclasses.replace(f, y=5), f)

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)

vs = [Version(1, 2), Version(0, 9, "beta"), Version(1, 0), Version(1, 2, "rc")]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9), Version(1, 0, "a") == Version(1, 0, "b"))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print("TypeError:", e)

@dataclass(unsafe_hash=True)
class Hashable:
    a: int
    b: list = field(default_factory=list, hash=False)
print(hash(Hashable(3)) == hash((3,)), Hashable(3) == Hashable(3))

@dataclass
class Unhashable:
    a: int
print(Unhashable.__hash__ is None)
try:
    hash(Unhashable(1))
except TypeError as e:
    print("TypeError:", e)

@dataclass
class Options:
    name: str
    _: KW_ONLY
    verbose: bool = False
    level: int = 1
print(Options("x", verbose=True), Options("y", level=3), Options.__doc__)
try:
    Options("x", True)
except TypeError as e:
    print("TypeError:", e)

@dataclass(kw_only=True)
class AllKw:
    a: int
    b: int = 2
print(AllKw(a=1))
try:
    AllKw()
except TypeError as e:
    print("TypeError:", e)

@dataclass
class Mixed:
    a: int
    b: int = field(default=5, kw_only=True)
    c: int = 3
print(Mixed(1), Mixed(1, 2, b=0), [f.kw_only for f in dataclasses.fields(Mixed)])

@dataclass
class WithInit:
    value: int
    scale: InitVar[int] = 1
    scaled: int = field(init=False)
    def __post_init__(self, scale):
        self.scaled = self.value * scale
w = WithInit(3, 4)
print(w, w.scaled, [f.name for f in dataclasses.fields(w)], InitVar[int], repr(WithInit.__dataclass_fields__['scale'].type))

Pt = dataclasses.make_dataclass('Pt', [('x', int), ('y', int, field(default=0))],
                                namespace={'norm': lambda self: abs(self.x) + abs(self.y)})
print(Pt(3, -4), Pt(3, -4).norm(), Pt.__name__, [f.name for f in dataclasses.fields(Pt)])

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
root = Node(1)
root.children.append(root)
print(root)
print(Node(2, [Node(3)]))

@dataclass
class Custom:
    x: int
    def __repr__(self):
        return "Custom!"
    def __eq__(self, other):
        return True
print(Custom(1), Custom(1) == Custom(2))

@dataclass
class Person:
    name: str
    age: int
@dataclass
class Employee(Person):
    salary: float = 0.0
e = Employee("Ann", 30, 1000.0)
print(e, isinstance(e, Person), dataclasses.asdict(e), e == Employee("Ann", 30, 1000.0), e == Person("Ann", 30))

def inherit_frozen():
    @dataclass
    class Thaw(Frozen):
        z: int = 0
try:
    inherit_frozen()
except TypeError as e:
    print("TypeError:", e)

def bad_order():
    @dataclass(order=True)
    class C:
        x: int
        def __lt__(self, other):
            return True
try:
    bad_order()
except TypeError as e:
    print("TypeError:", e)
try:
    dataclass(order=True, eq=False)(type("X", (), {}))
except ValueError as e:
    print("ValueError:", e)
print(repr(dataclasses.fields(Version)[2]).startswith("Field(name='label',type=<class 'str'>,default='',"))
print(Version.__dataclass_params__)
