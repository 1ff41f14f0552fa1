import sys

registry = []

def register(obj):
    global registry
    registry.append(obj)
    print("  registered", sys.getrefcount(obj))

def reset():
    global registry
    registry = []

x = {"x": 1}
register(x)
register(x)
print("registry holds twice", sys.getrefcount(x))
reset()
print("reset", sys.getrefcount(x))

current = None

def set_current(obj):
    global current
    current = obj

set_current(x)
print("global current", sys.getrefcount(x))
set_current([])
print("replaced", sys.getrefcount(x))
print("current", current, sys.getrefcount(current))
