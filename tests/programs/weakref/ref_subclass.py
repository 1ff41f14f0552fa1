import weakref
class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, **annotations):
        super().__init__(ob, callback)
        self.__counter = 0
        for k, v in annotations.items():
            setattr(self, k, v)
    def __call__(self):
        self.__counter += 1
        ob = super().__call__()
        return ob
class O: pass
o = O()
r = MyRef(o, tag='hello')
print(r.tag, r() is o, type(r).__name__)
print(weakref.getweakrefcount(o))
r2 = weakref.ref(o)
print(r2 is r, weakref.getweakrefcount(o))
print(weakref.getweakrefs(o) == [r2, r] or weakref.getweakrefs(o))
print([type(x).__name__ for x in weakref.getweakrefs(o)])
r3 = MyRef(o)
print(r3 is r, isinstance(r3, weakref.ref))
class KeyedRef(weakref.ref):
    __slots__ = "key",
    def __new__(type, ob, callback, key):
        self = weakref.ref.__new__(type, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
k = KeyedRef(o, lambda w: print("dead", w.key), 'K')
print(k.key)
del o
print(r(), r3())
