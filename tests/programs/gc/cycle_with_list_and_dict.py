import gc
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = A("a")
l = [a]
d = {"l": l}
a.d = d
del a, l, d
print(gc.collect())
