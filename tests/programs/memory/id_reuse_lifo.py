a = [1]; b = [2]; c = [3]
ia, ib, ic = id(a), id(b), id(c)
del a, b, c
x = [4]; y = [5]; z = [6]
print(id(x) == ic, id(y) == ib, id(z) == ia)
