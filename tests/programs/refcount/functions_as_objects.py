import sys

def f():
    return 1

print("function", sys.getrefcount(f))
alias = f
print("aliased", sys.getrefcount(f))
funcs = [f, f, alias]
print("in list", sys.getrefcount(f))
del funcs
table = {"f": f}
print("in dict", sys.getrefcount(f))
del table, alias

def deco(fn):
    print("  decorating, sees", sys.getrefcount(fn))
    return fn

@deco
def g():
    return 2

print("decorated", sys.getrefcount(g))

def wrap(fn):
    def wrapper():
        return fn() + 1
    return wrapper

@wrap
def h():
    return 3

print("wrapped", h(), sys.getrefcount(h))

class K:
    def meth(self):
        pass

fm = K.meth
print("function from class", sys.getrefcount(fm))
