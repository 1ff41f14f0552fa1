# Split instance dicts release values in the order the class first saw each
# name: after __dict__ is materialised, across many instances, past 30 names;
# non-str keys and clear() make a dict combined (insertion order).
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

class Obj:
    pass

def show(label, o):
    print(label, list(vars(o)))

# a materialised __dict__ stays split: order of the class
a = Obj(); a.x = T("a.x"); a.y = T("a.y")
b = Obj(); b.y = T("b.y"); d = b.__dict__; b.x = T("b.x")
show("b", b); del b, d
# a non-str key turns the dict combined: insertion order
c = Obj(); c.y = T("c.y"); c.x = T("c.x"); c.__dict__[1] = T("c.1")
del c
# clear() then refill: combined
e = Obj(); e.y = T("e.y"); e.x = T("e.x"); e.__dict__.clear(); e.y = T("e.y2"); e.x = T("e.x2")
del e
# many instances shrink the room for new names
class Many:
    pass
keep = [Many() for _ in range(40)]
m = Many(); m.q = T("m.q"); m.p = T("m.p")
n = Many(); n.p = T("n.p"); n.q = T("n.q")
del m, n
# more than 30 names
class Wide:
    pass
w = Wide()
for i in range(32):
    setattr(w, "a%d" % (31 - i), T("w%d" % (31 - i)) if i in (0, 1, 30, 31) else i)
w2 = Wide()
w2.a0 = T("w2.a0"); w2.a31 = T("w2.a31")
del w, w2
# subclass has its own table
class Sub(Obj):
    pass
s = Sub(); s.y = T("s.y"); s.x = T("s.x")
del s
# list subclass and exception subclass
class L(list):
    pass
l = L(); l.y = T("l.y"); l.x = T("l.x")
l2 = L(); l2.x = T("l2.x"); l2.y = T("l2.y")
del l2
class E(Exception):
    pass
e1 = E(); e1.x = T("e1.x"); e1.y = T("e1.y")
e2 = E(); e2.y = T("e2.y"); e2.x = T("e2.x")
del e2
del a, l, e1
print("end")
