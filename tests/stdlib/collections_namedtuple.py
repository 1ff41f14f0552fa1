# collections.namedtuple: fields, methods, reprs, defaults, errors
from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], p[-1], len(p), tuple(p))
print(Point.__doc__, Point._fields, Point._field_defaults, Point.__match_args__)
print(Point.__name__, Point.__qualname__, Point.__module__, repr(Point))
print(Point.__bases__, issubclass(Point, tuple), isinstance(p, tuple))
x, y = p
print(x, y, p == (11, 22), p == Point(11, 22), hash(p) == hash((11, 22)))
print(p._asdict(), Point(**p._asdict()))
print(p._replace(x=100), p)
print(Point._make([1, 2]), Point._make(range(2)))
print(Point.x.__doc__, Point.y.__doc__)
print(p.__getnewargs__())
print(p + (1,), p * 2, p[:1], p.count(11), p.index(22))
print(sorted([Point(2, 1), Point(1, 2), Point(1, 1)]))

P3 = namedtuple('P3', 'a, b c', defaults=[0, 1])
print(P3(5), P3(5, 6), P3(5, 6, 7), P3._field_defaults, P3(c=9, a=1))
One = namedtuple('One', 'only')
print(One(1), One.__doc__)
Empty = namedtuple('Empty', '')
print(Empty(), Empty._fields, Empty.__doc__)
R = namedtuple('R', ['abc', 'def', 'abc', '_x', '2'], rename=True)
print(R._fields)
print(namedtuple('M', 'a', module='mymod').__module__)

class Sub(namedtuple('Base', 'a b')):
    def total(self):
        return self.a + self.b
s = Sub(1, 2)
print(s, s.total(), type(s).__name__, Sub.__mro__[1].__name__)
s.extra = 5
print(s.extra)

def attempt(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", result)

attempt("missing", lambda: Point(1))
attempt("missing 2", lambda: Point())
attempt("too many", lambda: Point(1, 2, 3))
attempt("unexpected kw", lambda: Point(1, z=2))
attempt("multiple", lambda: Point(1, x=2))
attempt("defaults too many", lambda: P3(1, 2, 3, 4))
attempt("3 missing", lambda: namedtuple('T', 'a b c')())
attempt("make wrong", lambda: Point._make([1]))
attempt("replace bad", lambda: p._replace(z=1))
attempt("set field", lambda: setattr(p, 'x', 5))
attempt("set new", lambda: setattr(p, 'z', 5))
attempt("del field", lambda: delattr(p, 'x'))
attempt("bad name", lambda: namedtuple('Bad', 'a-b'))
attempt("keyword", lambda: namedtuple('Bad', 'class'))
attempt("underscore", lambda: namedtuple('Bad', '_a'))
attempt("duplicate", lambda: namedtuple('Bad', 'a a'))
attempt("bad typename", lambda: namedtuple('1x', 'a'))
attempt("too many defaults", lambda: namedtuple('Bad', 'a', defaults=[1, 2]))
attempt("index", lambda: p[2])
