import sys

class Registry:
    items = []

    @classmethod
    def add(cls, obj):
        cls.items.append(obj)
        print("  classmethod sees", sys.getrefcount(obj))

    @staticmethod
    def peek(obj):
        print("  staticmethod sees", sys.getrefcount(obj))
        return obj

class Sub(Registry):
    pass

x = [1]
Registry.add(x)
Sub.add(x)
print("class list holds", sys.getrefcount(x), len(Sub.items))
Registry.peek(x)
r = Registry()
r.peek(x)
r.add(x)
print("after instance calls", sys.getrefcount(x))
inst = Sub()
print("instance", sys.getrefcount(inst))
bound = inst.add
print("classmethod binding does not hold instance", sys.getrefcount(inst))
Registry.items.clear()
print("cleared", sys.getrefcount(x))
