# types: SimpleNamespace and the type objects of common builtins
import types
import sys

ns = types.SimpleNamespace(a=1, b="two")
print(ns, ns.a, ns.b)
ns.c = [3]
del ns.a
print(ns, vars(ns), sorted(ns.__dict__))
print(types.SimpleNamespace(), types.SimpleNamespace(x=1) == types.SimpleNamespace(x=1))
print(types.SimpleNamespace(x=1) == types.SimpleNamespace(x=2), types.SimpleNamespace(x=1) != types.SimpleNamespace(x=1))
print(types.SimpleNamespace(x=1) == {"x": 1}, repr(types.SimpleNamespace(z=types.SimpleNamespace(y=0))))
rec = types.SimpleNamespace(name="loop")
rec.me = rec
print(rec)
class Config(types.SimpleNamespace):
    pass
print(Config(debug=True), isinstance(Config(), types.SimpleNamespace))
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(types.SimpleNamespace())
except TypeError as e:
    print("TypeError:", e)
d = {"k": 1}
ns2 = types.SimpleNamespace(**d)
print(ns2.k, getattr(ns2, "missing", "default"))
