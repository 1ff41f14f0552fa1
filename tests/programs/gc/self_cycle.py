import gc
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
x = A("x")
x.me = x
del x
print("before collect")
print(gc.collect())
