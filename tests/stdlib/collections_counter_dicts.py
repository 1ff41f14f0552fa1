# collections: Counter, defaultdict, OrderedDict
from collections import Counter, defaultdict, OrderedDict

c = Counter('abracadabra')
print(c, c['a'], c['z'], len(c), c.total())
print(c.most_common(), c.most_common(2), c.most_common(0))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
c.update('aaz')
c.update({'b': 10})
c.subtract(['r', 'r', 'r'])
print(c)
c2 = Counter(a=3, b=1)
d2 = Counter(a=1, b=2)
print(c2 + d2, c2 - d2, c2 | d2, c2 & d2, +Counter(a=1, b=-1), -Counter(a=1, b=-1))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1))
print(Counter(), Counter({'x': 1, 'y': 3}), Counter(x=1, y=1, z=2))
print(Counter([3, 1, 3, 2, 1, 3]).most_common(2), Counter('zyxzyz').most_common())
del c['a'], c['nope']
print(c, c.copy() == c, type(c.copy()).__name__)
e = Counter('aab')
e += Counter('bc')
e -= Counter('a')
print(e)
e |= Counter(d=5)
e &= Counter(b=1, d=2, c=9)
print(e, dict(e))
print(Counter({'a': 1.5, 'b': 0.5}), Counter('hello world').most_common(3))
try:
    Counter.fromkeys('abc')
except NotImplementedError as ex:
    print("NotImplementedError:", ex)

dd = defaultdict(list)
for k, v in [('y', 1), ('b', 2), ('y', 3), ('r', 1)]:
    dd[k].append(v)
print(dd, sorted(dd.items()), dd.default_factory)
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts, dict(counts), 'q' in counts, counts['q'], 'q' in counts)
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(lambda: 'x', a=1)['b'])
n = defaultdict(list, {1: [2]})
n2 = n.copy()
n2[1].append(3)
print(n, n2, type(n2).__name__, n == {1: [2, 3]}, isinstance(n, dict))
try:
    defaultdict()['missing']
except KeyError as ex:
    print("KeyError:", ex)
try:
    defaultdict(1)
except TypeError as ex:
    print("TypeError:", ex)
print(defaultdict(int, a=1) | {'b': 2})

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
od.move_to_end('b')
print(od)
od.move_to_end('c', last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
o1 = OrderedDict(a=1, b=2)
o2 = OrderedDict(b=2, a=1)
print(o1 == o2, o1 != o2, o1 == dict(o2), dict(o1) == o2, o1 == OrderedDict(a=1, b=2))
print(OrderedDict(), OrderedDict([('x', 1), ('y', 2)]), OrderedDict.fromkeys('ab', 0))
print(list(reversed(OrderedDict.fromkeys('abc'))), o1.copy(), o1.pop('a'), o1.setdefault('z', 9), o1)
try:
    OrderedDict().popitem()
except KeyError as ex:
    print("KeyError:", ex)
try:
    OrderedDict().move_to_end('q')
except KeyError as ex:
    print("KeyError:", ex)
o3 = OrderedDict(a=1)
o3['self'] = o3
print(o3)
print(OrderedDict(a=1) | {'b': 2}, isinstance(od, dict))
