def two(a, b):
    return a + b

def one_default(a, b=1):
    return a

def kwonly(*, key):
    return key

class C:
    def method(self, x):
        return x

calls = [
    lambda: two(1),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: two(1, b=2, a=3),
    lambda: two(1, c=2),
    lambda: one_default(),
    lambda: one_default(1, 2, 3),
    lambda: kwonly(1),
    lambda: kwonly(),
    lambda: kwonly(key=1, other=2),
    lambda: C().method(),
    lambda: C().method(1, 2),
    lambda: C.method(),
    lambda: (lambda x: x)(),
    lambda: two(*[1, 2, 3]),
    lambda: two(1, **{"b": 2, "z": 3}),
]
for i, call in enumerate(calls):
    try:
        call()
        print(i, "no error")
    except TypeError as e:
        print(i, "TypeError:", e)
