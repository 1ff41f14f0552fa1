def f(): pass
def f(a): pass
def f(a, b=1): pass
def f(*args): pass
def f(**kw): pass
def f(a, *, b): pass
def f(a, *, b=1, c): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a=1, /, b=2, *c, d, e=3, **f): pass
def f(a: int, b: 'str' = 'x') -> bool: pass
def f(a,): pass
def f(*, a): pass
def f(
    a,
    b,
): pass
def f():
    return
def f():
    return 1, 2
def f():
    return *a, b
