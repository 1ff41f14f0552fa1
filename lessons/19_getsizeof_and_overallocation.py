# Lesson 19: sys.getsizeof and list over-allocation
#
# sys.getsizeof(obj) returns the size in bytes of the object itself -- its
# header plus its own data -- as CPython allocated it. It is *shallow*: a
# list's size counts its array of pointers, not the objects they point to.
# For objects tracked by the cycle collector it also includes the 16-byte GC
# header that precedes the object.
#
# The numbers below are for 64-bit CPython 3.11.
#
# Lists over-allocate: when append() runs out of room, CPython grows the
# pointer array to about size * 9/8 + 6 (rounded down to a multiple of 4),
# so most appends need no reallocation and appending n items costs O(n)
# in total.
import sys

size = sys.getsizeof

print("== ints: 28 bytes, plus 4 per extra 30-bit digit ==")
for value in [0, 1, 255, 2**30 - 1, 2**30, 2**60, 2**90]:
    print(f"getsizeof({value}) = {size(value)}")

print()
print("== strs: 49-byte header for ASCII, more for wider characters ==")
for label, text in [("''", ""), ("'a'", "a"), ("'ab'", "ab"),
                    ("'a' * 100", "a" * 100),
                    ("'\\xe9' (latin-1)", "\u00e9"),
                    ("'\\u20ac' (2-byte)", "\u20ac"),
                    ("'\\U0001f600' (4-byte)", "\U0001F600")]:
    print(f"getsizeof({label}) = {size(text)}")
print("(ASCII and latin-1 use 1 byte per char, then 2 bytes, then 4 bytes;")
print(" non-ASCII strings carry a larger header)")

print()
print("== tuples: 40 bytes + 8 per item ==")
for t in [(), (1,), (1, 2), (1, 2, 3)]:
    print(f"getsizeof({t}) = {size(t)}")

print()
print("== lists: 56 bytes + 8 per *allocated* slot ==")
lst = []
last = None
for i in range(40):
    s = size(lst)
    if s != last:
        capacity = (s - size([])) // 8
        print(f"len {len(lst):2}: getsizeof = {s:3}  -> room for {capacity} items")
        last = s
    lst.append(i)

print()
print("== same contents, different sizes ==")
print("[0, 1, ..., 9] literal     :", size([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))
print("list(range(10))            :", size(list(range(10))), "(length known: exact fit)")
print("[None] * 10                :", size([None] * 10))
print("[x for x in range(10)]     :", size([x for x in range(10)]), "(built by appends: spare room)")
grown = []
for x in range(10):
    grown.append(x)
print("ten appends                :", size(grown))

print()
print("== popping shrinks only when less than half is used ==")
lst = list(range(32))
print("32 items:", size(lst))
while len(lst) > 2:
    before = size(lst)
    lst.pop()
    if size(lst) != before:
        print(f"  shrank at len {len(lst)}: {before} -> {size(lst)}")
print("2 items:", size(lst))

print()
print("== getsizeof is shallow ==")
small = ["x"]
large = ["x" * 100_000]
print("list holding a 1-char str    :", size(small))
print("list holding a 100000-char str:", size(large))
print("the big string itself         :", size(large[0]))
nested = [[1, 2, 3] * 1000]
print("a list holding a 3000-item list:", size(nested), "| inner list:", size(nested[0]))
