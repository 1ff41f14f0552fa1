import gc
class A:
    pass
target = A()
holder1 = [target]
holder2 = {"k": target}
refs = gc.get_referrers(target)
print(any(r is holder1 for r in refs), any(r is holder2 for r in refs))
