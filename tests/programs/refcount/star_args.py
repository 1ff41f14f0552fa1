import sys

obj = [0]

def positional(*args):
    print("  *args tuple", sys.getrefcount(args), "item", sys.getrefcount(args[0]))

def keywords(**kw):
    print("  **kw value", sys.getrefcount(kw["v"]))

def mixed(a, *args, key=None, **kw):
    print("  mixed", sys.getrefcount(a), sys.getrefcount(key))

print("base", sys.getrefcount(obj))
positional(obj)
positional(obj, obj)
keywords(v=obj)
mixed(obj, key=obj)
mixed(obj, 1, 2, key=obj, extra=obj)
print("after calls", sys.getrefcount(obj))
args = (obj,)
print("args tuple built", sys.getrefcount(obj))
positional(*args)
kwargs = {"v": obj}
print("kwargs dict built", sys.getrefcount(obj))
keywords(**kwargs)
del args, kwargs
print("end", sys.getrefcount(obj))
