for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
for first, *rest in [[1, 2, 3], [4]]:
    print(first, rest)
d = {}
for d["key"] in range(3):
    pass
print(d)

class Obj:
    pass

o = Obj()
for o.attr in "ab":
    pass
print(o.attr)
lst = [0, 0, 0]
for i, lst[i] in enumerate([7, 8, 9]):
    pass
print(lst)
for ch in "hi":
    for n in range(2):
        print(ch, n, end="; ")
print()
items = [1, 2, 3]
for x in items:
    if x == 1:
        items.append(4)
print(items)
for x in range(10, 0, -3):
    print(x, end=" ")
print()
