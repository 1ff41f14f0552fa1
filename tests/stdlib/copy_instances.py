# copy: user classes -- __dict__ copying, __copy__/__deepcopy__, __getstate__/
# __setstate__, __reduce__, subclasses of builtins, cycles through instances
import copy

class Point:
    def __init__(self, x, y):
        print("__init__ called")
        self.x = x
        self.y = y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

p = Point([1], 2)
q = copy.copy(p)
r = copy.deepcopy(p)
print(q, r, type(q) is Point, q.x is p.x, r.x is p.x, q.__dict__ == p.__dict__)

class Empty:
    pass
e = Empty()
print(type(copy.copy(e)).__name__, copy.copy(e) is e, copy.deepcopy(e).__dict__)

class Custom:
    def __init__(self, data):
        self.data = data
    def __copy__(self):
        print("__copy__")
        return Custom(self.data + ["copied"])
    def __deepcopy__(self, memo):
        print("__deepcopy__", type(memo).__name__)
        return Custom(copy.deepcopy(self.data, memo) + ["deep"])
c = Custom(["x"])
print(copy.copy(c).data, copy.deepcopy(c).data, copy.deepcopy([c, c])[0].data)

class Stateful:
    def __init__(self):
        self.value = 1
        self.cache = "big"
    def __getstate__(self):
        print("__getstate__")
        state = self.__dict__.copy()
        del state["cache"]
        return state
    def __setstate__(self, state):
        print("__setstate__", sorted(state))
        self.__dict__.update(state)
        self.cache = "rebuilt"
s2 = copy.deepcopy(Stateful())
print(s2.value, s2.cache)

class Reduced:
    def __init__(self, a, b=0):
        self.a = a
        self.b = b
    def __reduce__(self):
        print("__reduce__")
        return (Reduced, (self.a, self.b + 1))
rr = copy.copy(Reduced(5))
print(rr.a, rr.b)

class MyList(list):
    pass
ml = MyList([1, [2]])
ml.tag = "t"
cl = copy.copy(ml)
dl = copy.deepcopy(ml)
print(type(cl).__name__, cl, cl.tag, dl, dl[1] is ml[1], cl[1] is ml[1])

class MyDict(dict):
    pass
md = MyDict(a=[1])
print(type(copy.deepcopy(md)).__name__, copy.deepcopy(md), copy.deepcopy(md)["a"] is md["a"])

class MyTuple(tuple):
    pass
mt = MyTuple((1, [2]))
print(type(copy.copy(mt)).__name__, copy.copy(mt), copy.deepcopy(mt)[1] is mt[1])

class MyInt(int):
    pass
mi = MyInt(7)
mi.note = "n"
ci = copy.copy(mi)
print(type(ci).__name__, ci, ci.note, ci is mi)

class Tree:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None
    def add(self, child):
        child.parent = self
        self.children.append(child)
root = Tree("root")
root.add(Tree("kid"))
clone = copy.deepcopy(root)
print(clone.children[0].parent is clone, clone.children[0].parent is root, clone.name)

class WithMethod:
    def __init__(self):
        self.items = [1]
    def get(self):
        return self.items
w = WithMethod()
m = copy.deepcopy(w.get)
print(m(), m.__self__ is w, m.__self__.items is w.items)

class E(Exception):
    pass
err = E("msg", 2)
err.extra = 1
ce = copy.copy(err)
print(type(ce).__name__, ce.args, ce.extra, ce is err)
print(copy.copy(Point) is Point, copy.deepcopy(Point) is Point)
