pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3)]
for a, b in pairs:
    print(a, b, "//", a // b, "%", a % b, "divmod", divmod(a, b))
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-0.5, 1), (5, 0.3)]
for a, b in fpairs:
    print(a, b, "//", a // b, "%", a % b)
print(-1 % 10, 1 % -10, -10 % 10, 10 % -3)
print(divmod(-17, 5), divmod(17.0, -5))
print((-7) // 2 * 2 + (-7) % 2)
print(-0.0 % 1, 0.0 % -1)
