import sys
import nspkg.mod
print(nspkg.mod.VALUE)
print("__file__:", nspkg.__file__)
print("__path__:", [p.rsplit("/", 1)[-1] for p in nspkg.__path__])
print(type(nspkg.__path__).__name__)
print(sorted(k for k in vars(nspkg) if k.startswith("__")))
print(nspkg.__spec__.origin, nspkg.__spec__.has_location)
print(repr(nspkg.__package__), nspkg.mod.__package__)
import modfirst
print("a module file wins over a folder without __init__:", modfirst.KIND)
