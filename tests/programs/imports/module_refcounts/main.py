import sys
import mod
print("import mod:", sys.getrefcount(mod))
import mod as alias
print("plus an alias:", sys.getrefcount(mod))
del alias
import pkg.sub
print("package:", sys.getrefcount(pkg), "| submodule:", sys.getrefcount(pkg.sub))
from pkg import sub
print("from-imported submodule:", sys.getrefcount(sub))
holder = [mod, mod]
print("in a list twice:", sys.getrefcount(mod))
del holder
print("dict items:", sys.getrefcount(mod.data))
def f():
    import mod
    return sys.getrefcount(mod)
print("inside a function:", f())
