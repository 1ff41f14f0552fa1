names = ["b", "a"]
names.sort()
table = {"x": [1, 2], "y": (3, "four")}
table["z"] = names
del table["x"]
items = sorted(table)
s = {1, 2}
s.add(3)
print(items, len(s))
