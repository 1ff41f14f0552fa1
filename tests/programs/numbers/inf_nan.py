inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf * -2, inf - inf, inf * 0)
print(inf > 10 ** 300, -inf < -1e308, nan > 0, nan < 0, nan == nan, nan != nan)
print(1e308 * 10, -1e308 * 10)
print(inf / inf, 1 / inf, -1 / inf)
print(max(1, inf), min(-inf, 0))
print(float("Infinity"), float("-nan"), float("NaN"))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
print(str(inf), repr(nan), str(-inf), float(str(inf)))
print(inf == inf, -inf == -inf, inf is inf)
print(sorted([3.0, inf, -inf, 0.0]))
