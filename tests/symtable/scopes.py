import os, os.path as osp
from sys import argv as args
x = 1
def f(a, /, b, *c, d, **e):
    global x
    y = a + b
    def g():
        nonlocal y
        y = 2
        return x, z
    return g
class C(object):
    attr = 1
    __priv = 2
    def m(self, __arg):
        return __class__, self.__priv, __arg, attr
    def n(self):
        return super().n()
    def attr2(self):
        return attr2
    lst = [attr for _ in range(3)]
    lam = lambda q=attr: q
z = [i * j for i in range(3) for j in range(i) if i]
w = {k: (yield_ := k) for k in "ab"}
def gen():
    yield 1
def walrus():
    return [(last := n) for n in range(3)], last
def deep():
    a = 1
    def mid():
        def inner():
            return a
        return inner
    return mid
class Outer:
    def meth(self):
        class Inner:
            def im(self):
                return __class__
        return Inner
def shadow(print):
    del print
try:
    pass
except Exception as exc:
    pass
with open("f") as (fa, fb):
    pass
for q1, *q2 in []:
    pass
def ann(a: int) -> str:
    v: int = 1
    u: str
    return v
