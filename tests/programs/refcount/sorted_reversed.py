import sys

class Item:
    def __init__(self, k):
        self.k = k
    def __repr__(self):
        return "Item(%d)" % self.k

a, b, c = Item(3), Item(1), Item(2)
lst = [a, b, c]
print("in list", sys.getrefcount(a))
s = sorted(lst, key=lambda it: it.k)
print("sorted copy", s, sys.getrefcount(a))
r = reversed(lst)
print("reversed iterator holds list", sys.getrefcount(lst))
print(list(r))
print("exhausted reversed", sys.getrefcount(lst))
lst.sort(key=lambda it: -it.k)
print("in-place sort", lst, sys.getrefcount(a))
lst.reverse()
print("reverse", lst, sys.getrefcount(lst))
copy = lst[:]
print("slice copy", sys.getrefcount(a), sys.getrefcount(b))
copy2 = list(lst)
copy3 = lst.copy()
print("more copies", sys.getrefcount(a))
del s, copy, copy2, copy3
print("copies gone", sys.getrefcount(a))
m = max(lst, key=lambda it: it.k)
print("max result", m, sys.getrefcount(a))
