import builtins
original = builtins.__import__
log = []
def tracing_import(name, globals=None, locals=None, fromlist=(), level=0):
    log.append((name, fromlist, level))
    return original(name, globals, locals, fromlist, level)
import quiet
builtins.__import__ = tracing_import
import quiet
import sys as system
from quiet import A
import quiet as q
builtins.__import__ = original
import quiet
for entry in log:
    print(entry)
print(__import__("quiet").A, A, q.A, system.__name__)
