import sys
print("main:", __name__, repr(__package__), __spec__, __file__)
import plain, pkg, pkg.child
for m in (plain, pkg, pkg.child):
    print(m.__name__, repr(m.__package__), m.__file__, m.__cached__)
    s = m.__spec__
    print("  spec:", s.name, repr(s.parent), s.origin, s.submodule_search_locations, s.has_location)
    print("  loader:", type(m.__loader__).__name__, m.__loader__ is s.loader)
    print("  repr:", m)
print(pkg.__path__)
print(list(vars(plain))[:9])
print(list(vars(pkg))[:10])
print(type(plain.__builtins__).__name__)
print(pkg.child.seen)
