# Lesson 21: generators versus list comprehensions, in memory
#
# A list comprehension builds the whole list at once: memory grows with the
# number of items. A generator expression (or generator function) produces
# one item at a time, on demand: it only keeps its small suspended frame,
# whatever the number of items.
#
# The price: a generator can be consumed only once, has no len(), and no
# indexing. And a suspended generator frame keeps its local variables alive
# until the generator finishes, is closed, or is freed.
import sys
import tracemalloc

N = 200_000

print("== the objects themselves ==")
as_list = [x * 2 for x in range(N)]
as_gen = (x * 2 for x in range(N))
print("list of 200000 items is larger than 1,000,000 bytes:", sys.getsizeof(as_list) > 1_000_000)
print("generator object is smaller than 500 bytes:", sys.getsizeof(as_gen) < 500)
small_gen = (x * 2 for x in range(10))
print("generator size does not depend on N:", sys.getsizeof(small_gen) == sys.getsizeof(as_gen))
del as_list, as_gen, small_gen

print()
print("== peak memory of sum() over each ==")
tracemalloc.start()
base, _ = tracemalloc.get_traced_memory()
tracemalloc.reset_peak()
total_list = sum([x * x for x in range(N)])
_, peak_list = tracemalloc.get_traced_memory()
tracemalloc.reset_peak()
total_gen = sum(x * x for x in range(N))
_, peak_gen = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("same result:", total_list == total_gen, total_gen)
print("list version peak above 1,000,000 bytes:", peak_list - base > 1_000_000)
print("generator version peak under 100,000 bytes:", peak_gen - base < 100_000)

print()
print("== lazy: values are computed only when asked for ==")


def numbers():
    for i in range(3):
        print(f"   producing {i}")
        yield i


print("list comprehension runs everything first:")
values = [n for n in numbers()]
print("   got", values)
print("generator interleaves producing and consuming:")
for n in (n for n in numbers()):
    print(f"   consumed {n}")

print()
print("== a generator is used up after one pass ==")
gen = (c.upper() for c in "abc")
print("first pass :", list(gen))
print("second pass:", list(gen))
try:
    len(gen)
except TypeError as exc:
    print("len(gen) -> TypeError:", exc)

print()
print("== a suspended generator keeps its locals alive ==")


class Big:
    def __del__(self):
        print("   Big freed")


def reader():
    buffer = Big()             # a local that lives in the generator frame
    try:
        yield 1
        yield 2
    finally:
        print("   reader cleanup (finally)")


g = reader()
print("next(g) =", next(g), "-> the generator is suspended; buffer is alive")
print("g.close() raises GeneratorExit inside it:")
g.close()
print("after close(), the frame is gone")

g = reader()
next(g)
print("dropping a suspended generator closes it too:")
g = None
print("done")
