def f():
    global a, b
    def g():
        nonlocal a
        nonlocal b, c
del a
del a, b
del a,
del (a, b)
del [a, b]
del a.b, a[0]
assert x
assert x, 'msg'
raise
raise E
raise E('x')
raise E from None
