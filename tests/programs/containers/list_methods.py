lst = [3, 1, 4]
lst.append(1)
lst.extend([5, 9])
lst.insert(0, 2)
lst.insert(100, 6)
lst.insert(-1, 7)
print(lst)
print(lst.pop(), lst.pop(0), lst.pop(-2), lst)
lst.remove(1)
print(lst, lst.index(4), lst.count(1), lst.count(99))
lst.reverse()
print(lst)
lst.sort()
print(lst)
copy = lst.copy()
lst.clear()
print(lst, copy)
print(copy + [0], copy * 2, [0] * 3)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1].index(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    [1][0:1] = 5
except TypeError as e:
    print("TypeError:", e)
