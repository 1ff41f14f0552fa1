print(2 ** 200)
print(-(2 ** 100))
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(len(str(2 ** 1000)))
big = 12345678901234567890123456789
print(big * big)
print(big // 97, big % 97, divmod(big, -10 ** 10))
print(big + 1 - big, big * 0, -big // 7)
print(2 ** 64 - 1, 2 ** 63, -(2 ** 63))
print(int("9" * 40) + 1)
print((10 ** 30) // (10 ** 15), (10 ** 30) / (10 ** 15))
print(hex(2 ** 70), bin(2 ** 65), oct(2 ** 40))
print(abs(-(10 ** 25)), (-7) ** 25)
print(2 ** 100 == 2.0 ** 100, 2 ** 100 < 2 ** 101, big > 1e28)
print(sum(range(10 ** 6)))
print(int(1e20), int(2.5e15))
