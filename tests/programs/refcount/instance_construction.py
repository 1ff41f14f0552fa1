import sys

class Node:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        print("  in __new__", sys.getrefcount(obj))
        return obj
    def __init__(self, value):
        print("  in __init__ self", sys.getrefcount(self))
        self.value = value
        print("  value", sys.getrefcount(value))

v = [7]
n = Node(v)
print("constructed", sys.getrefcount(n), "value", sys.getrefcount(v))

class Plain:
    def __init__(self):
        print("  plain __init__", sys.getrefcount(self))
        self.me = self
        print("  self-reference", sys.getrefcount(self))

p = Plain()
print("plain with cycle", sys.getrefcount(p))
p.me = None
print("cycle broken", sys.getrefcount(p))
nodes = [Node(v) for i in range(2)]
print("value shared", sys.getrefcount(v))
print("node in list", sys.getrefcount(nodes[0]))
