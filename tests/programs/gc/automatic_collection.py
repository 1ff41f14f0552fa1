import gc
class Node:
    count = 0
    def __del__(self):
        Node.count += 1
for i in range(2000):
    n = Node()
    n.me = n
    del n
print(Node.count > 1000)
gc.collect()
print(Node.count)
