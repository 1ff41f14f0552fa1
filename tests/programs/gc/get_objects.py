import gc
class A:
    pass
a = A()
objs = gc.get_objects()
print(any(o is a for o in objs))
print(any(o is gc for o in objs))
gc.collect()
print(any(o is a for o in gc.get_objects(2)), any(o is a for o in gc.get_objects(0)))
try:
    gc.get_objects(5)
except ValueError as e:
    print(e)
try:
    gc.get_objects(-2)
except ValueError as e:
    print(e)
print(len(gc.get_objects(-1)) == len(gc.get_objects()))
