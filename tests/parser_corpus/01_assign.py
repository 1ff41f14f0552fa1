x = 1
a = b = c = 2
a, b = b, a
[a, b] = 1, 2
(a, b), c = x
*a, b = y
a.b.c = 1
a[0][1] = 2
x: int
y: list[int] = []
(z): int = 3
a.b: str
x += 1; y -= 2; z *= 3
x /= 1
x //= 2
x %= 3
x **= 4
x >>= 1
x <<= 1
x &= 1
x |= 1
x ^= 1
x @= m
