# collections.deque: both ends, maxlen, rotate, searching, errors, reprs
from collections import deque

d = deque('ghi')
d.append('j')
d.appendleft('f')
print(d, len(d), d[0], d[-1], list(reversed(d)))
print(d.pop(), d.popleft(), d)
d.extend('jkl')
d.extendleft('abc')
print(d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.rotate(10)
print(d)
print('h' in d, 'z' in d, d.count('g'), d.index('k'))
d.remove('k')
d.insert(1, 'X')
d.reverse()
print(d)
d[0] = 'first'
del d[1]
print(d, d.maxlen)
d.clear()
print(d, bool(d))

b = deque(maxlen=3)
for i in range(6):
    b.append(i)
    print(b)
b.appendleft(-1)
print(b, b.maxlen)
b.extend([7, 8])
print(b)
b.extendleft([9])
print(b)
print(deque(range(10), maxlen=4), deque(range(3), 0), deque([], maxlen=2))
print(deque([1, 2], maxlen=3) * 2, deque([1, 2]) + deque([3]), 2 * deque([0]))
e = deque([1, 2])
e += [3, 4]
e *= 2
print(e, e.copy(), e.copy() is e, e.copy() == e)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1])
print(deque([1, 2, 3]) >= deque([1, 2]), deque() != deque([]))
print(deque([1, 2, 3]).index(3, 1), deque([1, 2, 3]).index(2, -5))
print(deque(), deque([deque([1])]))
r = deque()
r.append(r)
print(r)
print(list(deque('abc')), sorted(deque([3, 1, 2])), sum(deque([1, 2, 3])))
it = iter(deque([1, 2, 3]))
print(next(it), list(it))
s = deque([1, 2])
s.extend(s)
print(s)

def attempt(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", result)

attempt("pop empty", lambda: deque().pop())
attempt("popleft empty", lambda: deque().popleft())
attempt("remove", lambda: deque([1, 2]).remove(5))
attempt("index", lambda: deque([1, 2]).index(5))
attempt("index range", lambda: deque([1, 2, 3]).index(3, 0, 2))
attempt("getitem", lambda: deque([1])[5])
attempt("getitem neg", lambda: deque([1])[-2])
attempt("slice", lambda: deque([1])[0:1])
attempt("insert full", lambda: deque([1], maxlen=1).insert(0, 2))
attempt("maxlen neg", lambda: deque(maxlen=-1))
attempt("maxlen str", lambda: deque(maxlen="a"))
attempt("add list", lambda: deque([1]) + [1])
attempt("hash", lambda: hash(deque()))
attempt("too many args", lambda: deque([1], 2, 3))
attempt("bad kw", lambda: deque(x=1))
attempt("not iterable", lambda: deque(1))
attempt("rotate str", lambda: deque([1]).rotate("a"))
m = deque([1, 2, 3])
def mutate():
    for x in m:
        m.append(x)
attempt("mutate", mutate)
