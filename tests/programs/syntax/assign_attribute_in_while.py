class C:
    n = 0

while C.n = 3:
    C.n += 1
