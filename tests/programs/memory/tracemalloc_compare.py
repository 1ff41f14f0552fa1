import tracemalloc
tracemalloc.start()
s1 = tracemalloc.take_snapshot()
big = [(i, i) for i in range(300)]
s2 = tracemalloc.take_snapshot()
diffs = s2.compare_to(s1, "lineno")
d = diffs[0]
print(d.traceback[0].lineno, d.count_diff >= 300, d.size_diff > 10000)
tracemalloc.stop()
