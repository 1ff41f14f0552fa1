print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -1)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 7), pow(-3, 3, 5))
print(pow(3, -1, 7), pow(2, -2, 5))
print(1.5 ** 2, (-8) ** 2, 0.0 ** 0)
print(10 ** 20, 10.0 ** 20, 2 ** 64)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
print(pow(-2, 2), pow(-2, 3), pow(2.5, 2), 7 ** 1, 1 ** 1000)
