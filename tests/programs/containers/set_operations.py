a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a >= a, a > a, {7}.isdisjoint(a), a.issubset(range(10)))
s = {3, 1, 2}
s.add(10)
s.add(1)
s.discard(99)
s.remove(3)
print(sorted(s), len(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
s.update([20, 21], {22})
print(sorted(s))
s -= {20, 21}
s |= {0}
s &= {0, 1, 2, 10, 22, 50}
print(sorted(s))
x = s.pop()
print(x in s, len(s))
f = frozenset([1, 2, 3])
print(sorted(f | {4}), type(f | {4}).__name__, type({4} | f).__name__)
print({1, 2} == {2, 1}, {1} == frozenset([1]), set() == set())
print(sorted({x % 3 for x in range(10)}), set(), {0})
print(list({5, 3, 1, 4}), list({100, 2, 33}))
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
