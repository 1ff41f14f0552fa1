class Base:
    pass


class Point(Base):
    """A point."""
    count = 0
    __secret = 42

    def __init__(self, x, y):
        self.x = x
        self.__y = y
        Point.count += 1

    def __repr__(self):
        return f"Point({self.x}, {self.__y})"

    @property
    def secret(self):
        return self.__secret

    @classmethod
    def make(cls):
        return cls(0, 0)


class Child(Point, metaclass=type):
    def __init__(self, *args):
        super().__init__(*args)

    def who(self):
        return __class__


class ___Under:
    __x = 1


p = Point(1, 2)
print(repr(p), p.secret, Child.make())
