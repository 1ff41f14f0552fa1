import gc
keep = []
class A:
    def __del__(self):
        keep.append(self)
a = A()
print(gc.is_finalized(a))
a.me = a
del a
gc.collect()
print(gc.is_finalized(keep[0]))
print(gc.is_finalized(1), gc.is_finalized([]))
