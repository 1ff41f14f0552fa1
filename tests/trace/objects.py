class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

a = Node(1)
b = Node(2)
a.next = b
del b
print(a.next.value)
a.next = None
d = {"key": a}
del a
d.clear()
