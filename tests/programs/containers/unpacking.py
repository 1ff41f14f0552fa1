a, b, c = 1, 2, 3
print(a, b, c)
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *mid, tail = range(5)
print(head, mid, tail)
x, *empty, y = (1, 2)
print(x, empty, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = "mn"
print(m, n)
for i, (k, v) in enumerate({"a": 1}.items()):
    print(i, k, v)
print(*[1, 2], *"ab")
combined = [*range(3), *[9], *"z"]
print(combined)
merged = {**{"a": 1}, "b": 2, **{"a": 3}}
print(merged)
print((*[1, 2],), {*[1, 1, 2]})
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
