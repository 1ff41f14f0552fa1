import tracemalloc
tracemalloc.start()
def make():
    return [{"n": i} for i in range(200)]
data = make()
snap = tracemalloc.take_snapshot()
stats = snap.statistics("lineno")
top = stats[0]
print(top.traceback[0].lineno, top.count >= 200, top.size > 10000)
files = snap.statistics("filename")
print(len(files) >= 1)
tracemalloc.stop()
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print(e)
