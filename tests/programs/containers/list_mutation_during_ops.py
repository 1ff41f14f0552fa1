lst = [1, 2, 3, 4, 5, 6]
for x in lst:
    if x % 2 == 0:
        lst.remove(x)
print("removing while iterating skips items:", lst)
lst = [1, 2, 3, 4, 5, 6]
lst = [x for x in lst if x % 2]
print(lst)
queue = [1]
seen = []
for item in queue:
    seen.append(item)
    if item < 4:
        queue.append(item + 1)
print(seen)
stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())
a = [1, 2, 3]
b = a
a = a + [4]
print(a, b)
c = [1, 2, 3]
d = c
c += [4]
print(c, d)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
lst = [1, 2, 3]
lst[len(lst):] = [4, 5]
lst[:0] = [0]
print(lst)
