import tracemalloc
print(tracemalloc.is_tracing())
tracemalloc.start()
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
before, _ = tracemalloc.get_traced_memory()
data = [[i] for i in range(200)]
current, peak = tracemalloc.get_traced_memory()
print(current - before > 10000, peak >= current)
del data
after, peak2 = tracemalloc.get_traced_memory()
print(after < current, peak2 >= current)
tracemalloc.reset_peak()
c3, p3 = tracemalloc.get_traced_memory()
print(p3 >= c3, p3 < peak2)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
