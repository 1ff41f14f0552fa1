# bisect: bisect_left/right, insort, lo/hi bounds, key=
import bisect

a = [1, 2, 4, 4, 4, 7, 9]
for x in (0, 1, 4, 5, 9, 10):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 4), bisect.bisect_left(a, 4, hi=2))
b = []
for x in [5, 1, 4, 1, 9, 2]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 4)
bisect.insort_right(b, 4.0)
print(b, [type(v).__name__ for v in b])

def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])

records = [("ann", 25), ("bob", 30), ("cy", 35)]
ages = [r[1] for r in records]
print(bisect.bisect_left(records, 30, key=lambda r: r[1]), bisect.bisect_right(records, 30, key=lambda r: r[1]))
bisect.insort(records, ("dee", 28), key=lambda r: r[1])
print(records)
print(bisect.bisect_left("acegi", "d"), bisect.bisect_right((1, 1, 1), 1))
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
try:
    bisect.bisect([1, "a"], 2)
except TypeError as e:
    print("TypeError:", e)
