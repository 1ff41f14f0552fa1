import sys

class Link:
    def __init__(self, value, nxt):
        self.value = value
        self.nxt = nxt

head = None
for i in range(4):
    head = Link(i, head)

node = head
while node is not None:
    print("node", node.value, sys.getrefcount(node))
    node = node.nxt

cur = head
count = 0
while cur:
    count += 1
    if count == 2:
        held = cur
    cur = cur.nxt
print("count", count, "held", held.value, sys.getrefcount(held))
head = head.nxt
print("dropped first", sys.getrefcount(held))
head = None
print("dropped chain; held keeps its tail", sys.getrefcount(held), sys.getrefcount(held.nxt))
