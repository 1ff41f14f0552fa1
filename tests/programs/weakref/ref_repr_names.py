# The repr of a weakref shows the referent's type name, and its __name__
# when it has one (functions, classes); a proxy's repr never does.
import weakref

def func():
    pass

class Klass:
    pass

obj = Klass()
for target in (func, Klass, obj):
    r = weakref.ref(target)
    text = repr(r)
    print(text.replace(hex(id(r)), "R").replace(hex(id(target)), "T"))
p = weakref.proxy(obj)
print(repr(p).replace(hex(id(p)), "P").replace(hex(id(obj)), "T"))
print(weakref.ref, weakref.ProxyType, weakref.CallableProxyType)
print(weakref.ref.__name__, weakref.ref.__qualname__, weakref.ref.__module__)
try:
    weakref.ref(obj, callback=None)
except TypeError as e:
    print(e)
try:
    weakref.ref()
except TypeError as e:
    print(e)
try:
    weakref.proxy(obj, x=1)
except TypeError as e:
    print(e)
del obj
print(repr(r).endswith("; dead>"), repr(p).endswith("to NoneType at %#x>" % id(None)))
