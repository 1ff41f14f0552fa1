objs = [[], {}, object(), 1.5, "abc", (1, 2), 10**20]
print(all(id(o) % 16 == 0 for o in objs))
l1 = []
l2 = []
print(id(l1) != id(l2))
print(abs(id(l1) - id(l2)) % 16)
