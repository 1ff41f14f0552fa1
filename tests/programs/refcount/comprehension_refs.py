import sys

items = [[i] for i in range(3)]
print("each item", [sys.getrefcount(x) for x in items])
shared = {"s": 1}
many = [shared for _ in range(4)]
print("shared in list comp", sys.getrefcount(shared))
mapping = {i: shared for i in range(3)}
print("dict comp values", sys.getrefcount(shared))
tuples = [(x, shared) for x in items]
print("tuples", sys.getrefcount(shared), sys.getrefcount(items[0]))
gen = (sys.getrefcount(x) for x in items)
print("generator holds list iterator", sys.getrefcount(items))
print("values from genexpr", list(gen))
print("after genexpr consumed", sys.getrefcount(items))
del many, mapping, tuples
print("all dropped", sys.getrefcount(shared), sys.getrefcount(items[0]))
nested = [[y for y in x] for x in items]
print("nested copies", sys.getrefcount(items[1]), nested)
