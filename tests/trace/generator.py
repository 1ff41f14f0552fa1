def countdown(n):
    while n > 0:
        yield n
        n -= 1

g = countdown(2)
first = next(g)
for x in g:
    print(x)
del g
