import gc
class A:
    pass
for v in [1, 1.5, "s", b"b", None, True, 10**30, (), frozenset()]:
    print(type(v).__name__, gc.is_tracked(v))
for v in [[], {}, {1: 2}, {1: []}, set(), A(), len, gc.collect, lambda: 0]:
    print(type(v).__name__, gc.is_tracked(v))
