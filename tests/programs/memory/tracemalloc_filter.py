import tracemalloc
tracemalloc.start()
data = [[i] for i in range(100)]
snap = tracemalloc.take_snapshot()
mine = snap.filter_traces([tracemalloc.Filter(True, __file__)])
print(len(mine.traces) >= 100, mine.traces[0].traceback[0].lineno)
none = snap.filter_traces([tracemalloc.Filter(False, __file__)])
print(all(t.traceback[0].filename != __file__ for t in none.traces))
tracemalloc.stop()
