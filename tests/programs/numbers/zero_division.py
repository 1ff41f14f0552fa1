cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: divmod(1, 0),
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.0 % 0,
    lambda: 0 / 0,
    lambda: 5 / 0.0,
    lambda: divmod(1.5, 0),
    lambda: 2 ** -1 / 0,
    lambda: pow(0, -2),
    lambda: 0.0 ** -1,
]
for i, c in enumerate(cases):
    try:
        print(i, c())
    except ZeroDivisionError as e:
        print(i, "ZeroDivisionError:", e)
