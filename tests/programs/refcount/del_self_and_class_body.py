import sys

class Probe:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("  __del__", self.tag, "sees self", sys.getrefcount(self))

p = Probe("p")
print("instance", sys.getrefcount(p))
del p
print("after del")

class Registry:
    entries = []
    print("  class body:", sys.getrefcount(entries))
    backup = entries
    print("  class body with alias:", sys.getrefcount(entries))

print("class attribute", sys.getrefcount(Registry.entries))
x = {"v": 1}
print("global", sys.getrefcount(x))
print("lambda reading global", (lambda: sys.getrefcount(x))())
print("lambda parameter", (lambda y: sys.getrefcount(y))(x))
print("inside f-string", f"{sys.getrefcount(x)}")
holder = [x]

def star(*args):
    return sys.getrefcount(args[0])

print("*args from a list", star(*holder))
print("*args direct", star(x))
