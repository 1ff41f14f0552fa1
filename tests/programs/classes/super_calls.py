class Base:
    def __init__(self, x):
        print("Base.__init__", x)
        self.x = x
    def describe(self):
        return "Base(" + str(self.x) + ")"

class Middle(Base):
    def __init__(self, x, y):
        print("Middle.__init__", y)
        super().__init__(x)
        self.y = y
    def describe(self):
        return "Middle<" + super().describe() + ">"

class Top(Middle):
    def __init__(self):
        print("Top.__init__")
        super().__init__(1, 2)
    def describe(self):
        return "Top[" + super(Top, self).describe() + "]"

t = Top()
print(t.describe(), t.x, t.y)
print(super(Middle, t).describe())

class Mixin:
    def hello(self):
        return "Mixin.hello -> " + super().hello()

class Greeter:
    def hello(self):
        return "Greeter.hello"

class Both(Mixin, Greeter):
    pass

print(Both().hello())

class WithClassmethod(Base):
    @classmethod
    def make(cls):
        return super().__new__(cls)

obj = WithClassmethod.make()
print(type(obj).__name__, hasattr(obj, "x"))
