import gc
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
items = [A("n%d" % i) for i in range(5)]
for i in range(5):
    items[i].next = items[(i + 1) % 5]
del items
print(gc.collect())
