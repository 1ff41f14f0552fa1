# abc: abstract methods, instantiation errors, ABCMeta, abstract properties
from abc import ABC, ABCMeta, abstractmethod, abstractproperty
import abc

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
    def perimeter(self):
        return 4 * self.side

class HalfDone(Shape):
    def area(self):
        return 0

print(sorted(Shape.__abstractmethods__), HalfDone.__abstractmethods__, Square.__abstractmethods__)
print(Square(3).describe(), isinstance(Square(1), Shape), type(Shape), type(Square).__name__)
for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)

class Named(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...
    @classmethod
    @abstractmethod
    def make(cls):
        ...
    @staticmethod
    @abstractmethod
    def helper():
        ...
print(sorted(Named.__abstractmethods__))
try:
    Named()
except TypeError as e:
    print("TypeError:", e)

class Impl(Named):
    @property
    def name(self):
        return "impl"
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def helper():
        return 42
print(Impl.make().name, Impl.helper(), Impl.__abstractmethods__)

class Base(ABC):
    @abstractmethod
    def run(self):
        return "base run"
class Child(Base):
    def run(self):
        return "child + " + super().run()
print(Child().run(), getattr(Base.run, "__isabstractmethod__", False), getattr(Child.run, "__isabstractmethod__", False))

class Later(ABC):
    @abstractmethod
    def go(self): ...
Later.go = lambda self: "patched"
try:
    Later()
except TypeError as e:
    print("still abstract:", e)
abc.update_abstractmethods(Later)
print(Later().go(), Later.__abstractmethods__)

class Old(ABC):
    @abstractproperty
    def value(self): ...
try:
    Old()
except TypeError as e:
    print("TypeError:", e)

class NoAbstract(ABC):
    pass
print(type(NoAbstract()).__name__, NoAbstract.__abstractmethods__)
