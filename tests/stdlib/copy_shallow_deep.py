# copy: shallow vs deep copies of builtin containers, identity of atomic values,
# shared references and cycles in deepcopy
import copy

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d[1] is a[1], d[2]["k"] is a[2]["k"])
a[1].append(99)
print(s, d)

for value in (5, 2.5, "text", b"bytes", None, True, (1, 2), frozenset({1}), range(3), len, print, int, 3 + 4j):
    print(type(value).__name__, copy.copy(value) is value, copy.deepcopy(value) is value)

t = (1, 2, [3])
dt = copy.deepcopy(t)
print(dt == t, dt is t, dt[2] is t[2])
t2 = (1, "a", (2, 3))
print(copy.deepcopy(t2) is t2, copy.copy(t2) is t2)
st = {1, 2, 3}
print(copy.copy(st) == st, copy.copy(st) is st, copy.deepcopy(st) == st)
fs = frozenset([1, 2])
print(copy.deepcopy(fs) == fs)
dct = {"a": [1], "b": {"c": 2}}
sd = copy.copy(dct)
dd = copy.deepcopy(dct)
print(sd["a"] is dct["a"], dd["a"] is dct["a"], dd == dct)
ba = bytearray(b"xy")
print(copy.copy(ba), copy.copy(ba) is ba)

shared = [0]
pair = [shared, shared]
cp = copy.deepcopy(pair)
print(cp[0] is cp[1], cp[0] is shared)

cyc = [1, 2]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[2] is cc, cc[2] is cyc, len(cc))
dcyc = {}
dcyc["self"] = dcyc
dc = copy.deepcopy(dcyc)
print(dc["self"] is dc)

memo = {}
x = [1]
y1 = copy.deepcopy(x, memo)
y2 = copy.deepcopy(x, memo)
print(y1 is y2, id(x) in memo)

nested = [[[]] * 2]
nc = copy.deepcopy(nested)
print(nc[0][0] is nc[0][1], nc[0][0] is nested[0][0])
tup_with_cycle = ([],)
tup_with_cycle[0].append(tup_with_cycle)
tc = copy.deepcopy(tup_with_cycle)
print(tc[0][0] is tc, tc is tup_with_cycle)
try:
    copy.copy(x for x in [])
except TypeError as e:
    print("TypeError:", e)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
