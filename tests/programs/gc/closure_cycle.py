import gc
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def make():
    a = A("captured")
    def f():
        return a
    a.f = f
    return None
make()
print("made")
print(gc.collect())
