import gc
class A:
    pass
gc.collect()
before = gc.get_freeze_count()
print(before)
a = A()
gc.freeze()
print(gc.get_freeze_count() > 0)
print(any(o is a for o in gc.get_objects()))
gc.unfreeze()
print(gc.get_freeze_count())
print(any(o is a for o in gc.get_objects()))
