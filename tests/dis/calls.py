def f(*args, **kwargs):
    return args, kwargs


f(1, 2, x=3)
f(*[1, 2])
f(**{"a": 1})
f(1, *[2], 3, **{"b": 2}, c=4)
f(a=1, b=2, **{"c": 3}, d=4)
print("x".upper().lower())
import os
os.path.join("a", "b")
obj = object()
obj.__class__.__name__
f(x=1, y=2)
f(*(1, 2), *(3,))
