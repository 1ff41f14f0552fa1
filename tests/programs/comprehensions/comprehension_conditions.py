nums = list(range(-5, 6))
print([n for n in nums if n > 0])
print([n for n in nums if n > 0 and n % 2 == 0])
print([n for n in nums if n < -3 or n > 3])
print([n for n in nums if not n])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
print([abs(n) for n in nums if n < 0])
print([n for n in nums if n % 2 if n > 0])

def check(n):
    print("  check", n)
    return n > 1

print([n for n in range(4) if check(n)])
names = ["ann", "", "bob", None, "cy"]
print([n.title() for n in names if n])
print({n: len(n) for n in names if n and len(n) == 3})
print([x for x in (1, 0, 2, 0, 3) if x] or "empty")
print([x for x in () if x] or "empty")
