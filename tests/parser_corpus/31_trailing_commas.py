f(a, b,)
f(a, *b,)
f(a, **b,)
def f(a, b,): pass
def f(*a,): pass
def f(**a,): pass
lambda a,: 0
x = [1,]
x = {1,}
x = {1: 2,}
x = 1, 2,
from a import (b,)
with (a, b,): pass
a[1, 2,]
