f()
f(a)
f(a, b)
f(a,)
f(*args)
f(**kw)
f(a, *b, c, **d)
f(x=1)
f(a, x=1, *b, y=2, **c)
f(*a, *b)
f(**a, **b)
f(x for x in y)
f((x for x in y), 1)
f(a)(b)(c)
f.g.h()
f()[0]
f(a := 1)
print('hi', end='')
f(
    a,
    b,
)
