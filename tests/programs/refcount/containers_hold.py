import sys

item = ["payload"]
print("start", sys.getrefcount(item))
lst = [item, item]
print("in list twice", sys.getrefcount(item))
tup = (item, 1, "x")
print("in tuple too", sys.getrefcount(item))
d = {"a": item, "b": item}
print("dict values", sys.getrefcount(item))
lst.append(item)
print("appended", sys.getrefcount(item))
lst.pop()
print("popped (result discarded)", sys.getrefcount(item))
popped = lst.pop()
print("popped and kept", sys.getrefcount(item))
del popped
lst.remove(item)
print("removed", sys.getrefcount(item), len(lst))
del d["a"]
print("del d['a']", sys.getrefcount(item))
d["b"] = 0
print("overwrote d['b']", sys.getrefcount(item))
del tup
print("tuple deleted", sys.getrefcount(item))
lst.clear()
print("cleared", sys.getrefcount(item))
rep = [item] * 4
print("repeated list", sys.getrefcount(item))
rep *= 2
print("doubled", sys.getrefcount(item))
rep = rep[:3]
print("sliced", sys.getrefcount(item))
rep.extend(rep)
print("extended with itself", sys.getrefcount(item), len(rep))
rep.insert(0, item)
print("insert", sys.getrefcount(item))
del rep[1:4]
print("del slice", sys.getrefcount(item), len(rep))
rep[0:2] = [item, item, item]
print("slice assign", sys.getrefcount(item), len(rep))
