def loud(v):
    print("  eval", repr(v))
    return v

print("and:", loud(0) and loud(1))
print("and:", loud(2) and loud(3))
print("or:", loud("") or loud("fallback"))
print("or:", loud("first") or loud("second"))
print("chain:", loud(1) and loud([]) or loud("end"))
print(0 or None, None or 0, [] or {}, 1 and "x", "" and 1)
print(not 0, not "a", not None)
name = None
print("default:", name or "anonymous")
items = [1, 2]
print("guard:", items and items[0], [] and [][0])
x = 5
print(x > 3 and "big" or "small", x > 9 and "big" or "small")
print(any(loud(v) for v in [0, 2, 3]))
print(all(loud(v) for v in [1, 0, 3]))
