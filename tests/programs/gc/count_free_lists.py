# gc.get_count(): allocations of GC objects minus deallocations since the
# last collection. Objects reused from a type's free list (lists, dicts,
# tuples) are not counted, and a full collection empties the free lists.
import gc

def counts():
    gc.collect()
    seen = []
    seen.append(gc.get_count()[0])
    a = []
    seen.append(gc.get_count()[0])
    b = [a, a]
    seen.append(gc.get_count()[0])
    del a, b
    seen.append(gc.get_count()[0])
    c = []
    d = [1]
    seen.append(gc.get_count()[0])
    e = []
    seen.append(gc.get_count()[0])
    t = (c, d)
    seen.append(gc.get_count()[0])
    del t
    t2 = (e, c)
    seen.append(gc.get_count()[0])
    def inner():
        pass
    seen.append(gc.get_count()[0])
    del inner
    seen.append(gc.get_count()[0])
    m = {}
    seen.append(gc.get_count()[0])
    del m
    m2 = {}
    seen.append(gc.get_count()[0])
    gc.collect(0)
    seen.append(gc.get_count())
    gc.collect(1)
    seen.append(gc.get_count())
    return seen

print(counts())
print(counts())
