class Shape:
    sides = 0
    def area(self):
        return 0
    def _hidden(self):
        pass

class Square(Shape):
    sides = 4
    def __init__(self, size):
        self.size = size
    def area(self):
        return self.size ** 2

s = Square(3)
print([n for n in dir(s) if not n.startswith("__")])
print([n for n in dir(Square) if not n.startswith("__")])
s.extra = True
print([n for n in dir(s) if not n.startswith("__")])
print("__init__" in dir(s), "__class__" in dir(s), "__dict__" in dir(s))
print(sorted(vars(s)), sorted(k for k in vars(Square) if not k.startswith("__")))
print(dir(s) == sorted(dir(s)))
