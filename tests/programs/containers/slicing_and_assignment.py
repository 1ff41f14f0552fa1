a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::3], a[::-1], a[8:2:-2], a[-100:100])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [100, 200]
print(b)
b[:] = [1, 2, 3]
print(b)
c = list(range(8))
c[::2] = ["e"] * 4
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
del c[1::2]
print(c)
d = [1, 2, 3, 4, 5]
d[1:4] = []
print(d)
d[5:] = [9]
print(d)
e = [0] * 5
e[-2:] = "ab"
print(e)
f = [1, 2, 3]
f[0:0] = f
print(f)
print([1, 2, 3][1:2], (1, 2, 3)[::2], "abcdef"[1::2])
