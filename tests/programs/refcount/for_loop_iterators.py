import sys

data = [[1], [2], [3]]
print("list before loop", sys.getrefcount(data))
for item in data:
    print("in loop: list", sys.getrefcount(data), "item", sys.getrefcount(item))
print("after loop: list", sys.getrefcount(data), "last item", sys.getrefcount(item))
del item
print("item name deleted", sys.getrefcount(data[2]))

it = iter(data)
print("iterator holds list", sys.getrefcount(data))
first = next(it)
print("first", sys.getrefcount(first))
for rest in it:
    pass
print("exhausted iterator released list", sys.getrefcount(data))
del it

t = tuple(data)
print("tuple copy", sys.getrefcount(data[0]))
for i, v in enumerate(t):
    print("enumerate", i, sys.getrefcount(t), sys.getrefcount(v))
print("after enumerate", sys.getrefcount(t))
for a, b in zip(data, t):
    print("zip", sys.getrefcount(data), sys.getrefcount(t), sys.getrefcount(a))
print("after zip", sys.getrefcount(data), sys.getrefcount(t))
