import tracemalloc
tracemalloc.start()
class A:
    pass
a = A()
print(tracemalloc.get_object_traceback(a))
s = "abc" * 100
tb = tracemalloc.get_object_traceback(s)
print(tb[0].lineno, len(tb))
tracemalloc.stop()
print(tracemalloc.get_object_traceback(a))
