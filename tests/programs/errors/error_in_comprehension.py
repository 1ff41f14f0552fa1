data = [4, 2, 0, 1]
print([10 // x for x in data])
