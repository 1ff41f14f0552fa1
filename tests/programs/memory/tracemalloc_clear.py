import tracemalloc
tracemalloc.start(5)
print(tracemalloc.get_traceback_limit())
x = [[] for i in range(100)]
tracemalloc.clear_traces()
print(tracemalloc.get_traced_memory())
tracemalloc.stop()
try:
    tracemalloc.start(0)
except ValueError as e:
    print(e)
