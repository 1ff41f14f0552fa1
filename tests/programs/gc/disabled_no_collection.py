import gc
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.disable()
for i in range(1500):
    x = A("c%d" % i) if i == 0 else [None]
    if i == 0:
        x.me = x
    else:
        x[0] = x
    del x
print("loop done")
print(gc.collect() > 1000)
gc.enable()
