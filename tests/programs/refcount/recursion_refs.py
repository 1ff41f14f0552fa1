import sys

def descend(obj, depth):
    if depth == 0:
        return sys.getrefcount(obj)
    return descend(obj, depth - 1)

thing = [0]
for d in range(5):
    print("depth", d, descend(thing, d))

def build(n):
    if n == 0:
        return []
    inner = build(n - 1)
    return [inner]

tree = build(3)
print("tree", tree, sys.getrefcount(tree), sys.getrefcount(tree[0]))

def count_up(node, seen):
    seen.append(sys.getrefcount(node))
    for child in node:
        count_up(child, seen)
    return seen

print(count_up(tree, []))
