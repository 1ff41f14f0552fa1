class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("  enter", self.name)
        return T(self.name + "-resource")
    def __exit__(self, et, ev, tb):
        print("  exit", self.name, et.__name__ if et else None)
        return True
    def __del__(self):
        print("  del cm", self.name)

print("temporary manager, resource bound with as")
with CM("one") as r:
    print("  body", r.name)
print("after with; r still bound")
del r
print("manager suppresses an exception")
with CM("two") as r2:
    raise ValueError("x")
print("after suppressed")
r2 = None
print("nested managers")
with CM("outer") as a, CM("inner") as b:
    print("  body", a.name, b.name)
print("after nested")
del a, b
print("done")
