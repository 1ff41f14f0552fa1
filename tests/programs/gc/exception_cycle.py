import gc
class A:
    def __del__(self):
        print("del A")
def f():
    a = A()
    try:
        raise ValueError("x")
    except ValueError as e:
        a.e = e
f()
print("after f")
print(gc.collect() > 0)
