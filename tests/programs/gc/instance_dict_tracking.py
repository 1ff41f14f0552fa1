import gc
class A:
    pass
a = A()
a.x = 1
print(gc.is_tracked(a), gc.is_tracked(a.__dict__))
a.y = []
print(gc.is_tracked(a.__dict__))
b = A()
b.items = [1, 2]
print(gc.is_tracked(b.__dict__))
