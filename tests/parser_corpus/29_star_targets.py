a, b, *c = x
*a, = x
[*a] = x
(a, *b), c = x
a, (b, *c) = x
x = *a, *b
x = [*a, *b]
print(*a)
for a, *b in c: pass
