if (a := 1): pass
while (b := f()): pass
x = (y := 2)
f(z := 3)
[y := 1, y ** 2]
[x for x in y if (z := x)]
print(a := 1, b)
{(a := 1)}
