# A list's item array (ob_item) is a separate allocation that tracemalloc
# sees: 8 bytes per allocated slot, growing with CPython's over-allocation
# (append) or exactly (repetition), and freed with the list. (The ints the
# measurements themselves create add a few dozen bytes, hence the rounding.)
import tracemalloc

tracemalloc.start()
g = tracemalloc.get_traced_memory
a = g()[0]; big = [None] * 10000; b = g()[0]
print("[None] * 10000:", round((b - a) / 100) * 100)
a = g()[0]; del big; b = g()[0]
print("del:", round((b - a) / 100) * 100)
grow = []
a = g()[0]
for i in range(10000):
    grow.append(None)
b = g()[0]
print("10000 appends:", round((b - a) / 1000) * 1000)
a = g()[0]; grow.clear(); b = g()[0]
print("clear:", round((b - a) / 100) * 100)
a = g()[0]; t = [[]] * 5000; b = g()[0]
print("[[]] * 5000:", round((b - a) / 100) * 100)
tracemalloc.stop()
