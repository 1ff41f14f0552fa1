import sys

shared = [0]

class Config:
    items = shared
    other = [shared, shared]

print("class attr + list", sys.getrefcount(shared))
inst = Config()
print("instance lookup does not copy", sys.getrefcount(shared))
x = inst.items
print("bound to x", sys.getrefcount(shared))
del x
inst.items = shared
print("instance attr shadows", sys.getrefcount(shared))
del inst.items
print("instance attr removed", sys.getrefcount(shared))
Config.items = None
print("class attr rebound", sys.getrefcount(shared))
Config.extra = shared
print("class attr added", sys.getrefcount(shared))
del Config.extra
print("class attr deleted", sys.getrefcount(shared))
del Config.other
print("class list deleted", sys.getrefcount(shared))
