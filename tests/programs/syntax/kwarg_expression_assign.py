class P:
    pass

p = P()
print(max(1, p.v = 2))
