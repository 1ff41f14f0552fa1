x = 5
print(1 < x < 10, 1 < x > 10, 5 <= x <= 5, 1 < 2 < 3 < 4 < 3)

def val(v):
    print("  val", v)
    return v

print(val(1) < val(2) < val(3))
print(val(3) < val(2) < val(1))
print(val(1) == val(1) != val(2))
a = [1, 2]
b = a
print(a is b is not None, 1 in a in [a])
print(3 > 2 == 2, (3 > 2) == 2)
print("a" < "b" < "c", [1, 2] < [1, 3] <= [1, 3])
print(1 < 2.5 < 3, -1 < 0 < True)
try:
    print(1 < "x")
except TypeError as e:
    print("TypeError:", e)
