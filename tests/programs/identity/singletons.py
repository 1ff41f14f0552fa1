def nothing():
    pass

r = nothing()
print("implicit return is None", r is None)
d = {}
print("dict.get default", d.get("missing") is None)
lst = [3, 1, 2]
print("sort returns None", lst.sort() is None)
print("comparison result is True", (3 > 2) is True)
print("comparison result is False", (3 < 2) is False)
print("bool() of int", bool(7) is True, bool(0) is False)
print("not", (not []) is True, (not [1]) is False)
print("isinstance", isinstance(1, int) is True)
print("in operator", (2 in lst) is True)
t = True
f = False
print("True is t", True is t, "False is f", False is f)
print("True == 1 but not identical:", True == 1, t is (1 == 1))
n = None
print("None is n", None is n, n is not None)
print("type(None)()", type(None)() is None)
print("bool(None)", bool(None) is False)
res = [x is None for x in [None, 0, "", [], None]]
print(res)
print("any/all", any([]) is False, all([]) is True)
print("callable", callable(nothing) is True)
print("hasattr", hasattr(lst, "append") is True)
