import weakref
def f():
    return 42
r = weakref.ref(f)
print(r()())
class C:
    def m(self):
        return 1
c = C()
bm = c.m
rm = weakref.ref(bm)
print(rm() is bm)
del bm
print(rm())
del f
print(r())
