for n in range(-1, 3):
    print(n, "positive" if n > 0 else "zero" if n == 0 else "negative")

def side(v):
    print("  side", v)
    return v

print(side("yes") if True else side("no"))
print(side("yes") if False else side("no"))
values = [1, None, 3]
print([v if v is not None else 0 for v in values])
x = 7
parity = "even" if x % 2 == 0 else "odd"
print(parity)
print((lambda q: "big" if q > 5 else "small")(x))
print(max(1, 2) if x else min(1, 2))
label = ("many" if x > 5 else "few") + "!"
print(label)
