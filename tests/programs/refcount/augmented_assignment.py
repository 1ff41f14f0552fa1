import sys

obj = [9]
acc = []
print("start", sys.getrefcount(obj), sys.getrefcount(acc))
acc += [obj]
print("+= list", sys.getrefcount(obj), sys.getrefcount(acc))
same = acc
acc += [obj, obj]
print("in place, alias sees it", same is acc, len(same), sys.getrefcount(obj))
acc = acc + [obj]
print("+ makes new list", same is acc, sys.getrefcount(obj))
tup = (obj,)
before = tup
tup += (obj,)
print("tuple += makes new", before is tup, sys.getrefcount(obj))
d = {}
d["k"] = obj
d["k"] += [1]
print("subscript +=", d["k"] is obj, obj, sys.getrefcount(obj))

class A:
    pass

a = A()
a.items = []
a.items += [obj]
print("attribute +=", sys.getrefcount(obj), sys.getrefcount(a.items))
acc *= 0
same = None
print("cleared", sys.getrefcount(obj))
