import weakref
for v in [[], {}, (), 1, "s", None, object()]:
    try:
        weakref.ref(v)
    except TypeError as e:
        print(e)
def f(): pass
print(weakref.ref(f)() is f)
s = {1, 2}
print(weakref.ref(s)() is s)
class K: pass
print(weakref.ref(K)() is K)
