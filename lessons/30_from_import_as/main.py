# Lesson 30: `from foo import bar as ham` is `import foo; ham = foo.bar; del foo`
#
# A from-import still imports (and runs) the WHOLE module and caches it in
# sys.modules. It then copies references to the requested attributes into
# the importing namespace, under the given names. The module itself is not
# bound to any name here.
#
# Because the imported names are plain copies of references taken at import
# time, they do not follow later REBINDINGS inside the module. Mutations of
# a shared mutable object are of course visible through both names.
#
# Run this from its folder:  python3 main.py
import sys

print("== from foo import bar as ham ==")
from foo import bar as ham
print("ham() ->", ham())
print("'foo' bound in this module?", "foo" in globals())
print("'foo' in sys.modules?", "foo" in sys.modules, "(the whole module was run and cached)")
print("ham is sys.modules['foo'].bar:", ham is sys.modules["foo"].bar)

print()
print("== the long-hand version does the same ==")
import foo
ham2 = foo.bar
del foo
print("ham2 is ham:", ham2 is ham, "| 'foo' bound now?", "foo" in globals())

print()
print("== imported names are snapshots of bindings ==")
from foo import counter, items, bump
import foo
print("before bump(): counter =", counter, "| foo.counter =", foo.counter)
bump()
bump()
print("after two bump() calls:")
print("   our `counter` still refers to the old int:", counter)
print("   foo.counter (looked up each time):", foo.counter)
print("   our `items` is the same list object, so it shows the appends:", items)
print("   items is foo.items:", items is foo.items)

print()
print("== assigning to our name does not touch the module ==")
counter = 100
print("counter = 100 here; foo.counter is still", foo.counter)

print()
print("== from foo import * follows __all__ ==")
namespace = {}
exec("from foo import *", namespace)
print("names star-imported:", sorted(k for k in namespace if k != "__builtins__"))
print("foo.__all__:", foo.__all__)

print()
print("== importing a name that does not exist ==")
try:
    from foo import missing
except ImportError as exc:
    print("ImportError, name:", exc.name, "| message starts:", str(exc).split(" (")[0])
