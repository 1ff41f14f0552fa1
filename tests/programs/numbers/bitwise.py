a, b = 12, 10
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(-12 & 10, -12 | 10, -12 ^ 10, ~-12, -12 << 2, -12 >> 2, -1 >> 10)
print(-1 & 0xFF, -256 & 0xFF, (-5) >> 1, (-5) // 2)
print(1 << 100, (1 << 100) >> 99, -(1 << 70) >> 68)
print(0b1100 & 0b1010 == 0b1000, bin(a ^ b), bin(~5), bin(-5 & 7))
print(5 & True, True | False, True ^ True, ~True)
print((255).bit_length(), (-256).bit_length(), (0).bit_length(), (2 ** 100).bit_length())
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1.5 & 1
except TypeError as e:
    print("TypeError:", e)
x = 0
for bit in [0, 3, 5]:
    x |= 1 << bit
print(x, bin(x), [i for i in range(8) if x >> i & 1])
