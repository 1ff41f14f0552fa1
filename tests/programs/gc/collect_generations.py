import gc
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
x = A("young")
x.me = x
del x
print(gc.collect(0))
y = A("middle")
y.me = y
gc.collect(0)
del y
print(gc.collect(0))
print(gc.collect(1))
