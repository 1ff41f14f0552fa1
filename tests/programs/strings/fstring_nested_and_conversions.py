class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"P({self.x!r})"
    def __str__(self):
        return f"point at {self.x}"
    def __format__(self, spec):
        if spec == "short":
            return f"<{self.x}>"
        return str(self)

p = P("a")
print(f"{p}")
print(f"{p!r}")
print(f"{p!s}")
print(f"{p:short}")
print(f"{[p, p]}")
print(f"{p!r:>12}|")
print(f"{'quoted'!r:^12}|")
print(f"{3.0!s} {3.0!r} {'é'!a}")
vals = {"a": 1}
print(f"{vals['a']} {vals!r}")
w = 6
print(f"{'x':{'>' if w > 5 else '<'}{w}}|")
print(f"{f'{1 + 1}'}")
print(f"result: {sum(i for i in range(4))}")
print(f"{42:{'^'}{10}}|")
