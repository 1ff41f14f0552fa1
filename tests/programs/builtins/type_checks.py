class Base:
    pass

class Child(Base):
    pass

c = Child()
print(isinstance(c, Child), isinstance(c, Base), isinstance(c, object), isinstance(c, (int, Base)))
print(isinstance(5, int), isinstance(True, int), isinstance(5, bool), isinstance(5.0, int))
print(issubclass(Child, Base), issubclass(Base, Child), issubclass(bool, int), issubclass(Child, (str, Base)))
print(type(c) is Child, type(c) == Base, type(5).__name__, type("s").__name__, type(None).__name__)
print(type([]) is list, type({}) is dict, type(()) is tuple, type(set()) is set)
print(callable(len), callable(Child), callable(c), callable(lambda: 1), callable("s"))
try:
    isinstance(c, "Base")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(c, Base)
except TypeError as e:
    print("TypeError:", e)
print(type(type).__name__, type(int).__name__, type(Child).__name__)
