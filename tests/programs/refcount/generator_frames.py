import sys

def walker(seq):
    print("  gen started", sys.getrefcount(seq))
    for x in seq:
        yield x
    print("  gen finishing", sys.getrefcount(seq))

data = [[1], [2]]
print("before", sys.getrefcount(data))
g = walker(data)
print("generator created (frame holds arg)", sys.getrefcount(data))
first = next(g)
print("suspended in loop", sys.getrefcount(data), sys.getrefcount(first))
second = next(g)
print("second", sys.getrefcount(second))
for rest in g:
    pass
print("exhausted", sys.getrefcount(data))
del g
print("deleted generator", sys.getrefcount(data))

h = walker(data)
next(h)
print("suspended again", sys.getrefcount(data))
h.close()
print("closed", sys.getrefcount(data))
del h

k = walker(data)
print("never started", sys.getrefcount(data))
del k
print("unstarted generator deleted", sys.getrefcount(data))

def self_count():
    yield sys.getrefcount(gen_obj)

gen_obj = self_count()
print("generator object", sys.getrefcount(gen_obj))
print("seen from inside", next(gen_obj))
