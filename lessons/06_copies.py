# Lesson 06: copies -- shallow and deep
#
# A *shallow* copy makes a new outer container whose slots refer to the same
# inner objects as the original. `lst[:]`, `list(lst)`, `lst.copy()`,
# `dict(d)` and `copy.copy(x)` are all shallow.
# A *deep* copy (copy.deepcopy) recursively copies the inner objects too.
# It keeps a memo of what it already copied, so shared objects stay shared
# inside the copy and cycles do not loop forever.
import copy

grid = [[1, 2], [3, 4]]

print("== shallow copies: new outer list, same inner lists ==")
copies = {
    "grid[:]": grid[:],
    "list(grid)": list(grid),
    "grid.copy()": grid.copy(),
    "copy.copy(grid)": copy.copy(grid),
}
for how, c in copies.items():
    print(f"{how:16} new outer: {c is not grid} | inner shared: {c[0] is grid[0]}")

shallow = grid[:]
shallow.append([5, 6])     # changes only the copy's outer list
shallow[0].append(99)      # changes an inner list -- visible in both!
print("after shallow.append([5, 6]) and shallow[0].append(99):")
print("  grid   :", grid)
print("  shallow:", shallow)

print()
print("== deep copy: nothing shared ==")
grid = [[1, 2], [3, 4]]
deep = copy.deepcopy(grid)
deep[0].append(99)
print("inner shared:", deep[0] is grid[0])
print("after deep[0].append(99): grid =", grid, "| deep =", deep)

print()
print("== deepcopy keeps sharing and cycles intact ==")
shared = [0]
outer = [shared, shared]
outer.append(outer)        # a list that contains itself
d = copy.deepcopy(outer)
print("copy's two slots still share one list:", d[0] is d[1])
print("that list is a new one:", d[0] is not shared)
print("the copy contains itself (the cycle is copied):", d[2] is d)

print()
print("== immutables are not really copied ==")
t = (1, 2, 3)
print("copy.copy(tuple) is the same tuple:", copy.copy(t) is t)
print("copy.deepcopy(tuple of ints) is the same tuple:", copy.deepcopy(t) is t)
t2 = ([1], 2)
print("deepcopy of a tuple holding a list is new:", copy.deepcopy(t2) is not t2)
print("tuple(t) is t:", tuple(t) is t, "| t[:] is t:", t[:] is t)
s = "text"
print("str(s) is s:", str(s) is s, "| s[:] is s:", s[:] is s)

print()
print("== copying instances ==")


class Box:
    def __init__(self, items):
        self.items = items


b = Box([1, 2])
b_shallow = copy.copy(b)
b_deep = copy.deepcopy(b)
print("copy.copy(box) is a new Box:", b_shallow is not b,
      "| shares .items:", b_shallow.items is b.items)
print("copy.deepcopy(box) shares .items:", b_deep.items is b.items)

print()
print("== multiplying a list copies references, not objects ==")
rows = [[0] * 3] * 2       # two references to ONE inner list
rows[0][0] = 7
print("[[0] * 3] * 2 after rows[0][0] = 7:", rows)
rows = [[0] * 3 for _ in range(2)]   # a new inner list per row
rows[0][0] = 7
print("comprehension version after rows[0][0] = 7:", rows)
