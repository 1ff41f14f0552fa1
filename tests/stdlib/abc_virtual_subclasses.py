# abc: register() virtual subclasses, __subclasshook__, isinstance/issubclass
from abc import ABC, ABCMeta, abstractmethod, get_cache_token

class Drawable(ABC):
    @abstractmethod
    def draw(self): ...

class Circle:
    def draw(self):
        return "circle"

print(issubclass(Circle, Drawable), isinstance(Circle(), Drawable))
token = get_cache_token()
result = Drawable.register(Circle)
print(result is Circle, issubclass(Circle, Drawable), isinstance(Circle(), Drawable), get_cache_token() != token)
print(Drawable not in Circle.__mro__, Circle.__mro__[-1].__name__)

class BigCircle(Circle):
    pass
print(issubclass(BigCircle, Drawable), isinstance(BigCircle(), Drawable))

@Drawable.register
class Line:
    pass
print(isinstance(Line(), Drawable), issubclass(Line, Drawable))
Drawable.register(int)
print(isinstance(5, Drawable), issubclass(bool, Drawable), isinstance("s", Drawable))

class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            if any("__len__" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented

class Box:
    def __len__(self):
        return 0
print(issubclass(list, Sized), issubclass(Box, Sized), isinstance(Box(), Sized), issubclass(int, Sized))

class Base(ABC):
    pass
class Derived(Base):
    pass
print(issubclass(Derived, Base), isinstance(Derived(), Base), issubclass(Base, Derived))
try:
    Derived.register(Base)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    Base.register(5)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(5, Base)
except TypeError as e:
    print("TypeError:", e)
print(Base.register(Derived) is Derived)
