import sys
import outer.middle.inner
print("bound name 'outer':", outer.__name__)
print("outer.middle.inner.X:", outer.middle.inner.X)
print("attributes set on parents:", hasattr(outer, "middle"), hasattr(outer.middle, "inner"))
print("'middle' in globals:", "middle" in globals())
print([k for k in sys.modules if k.startswith("outer")])
import outer.middle.inner as leaf
print("as-name binds the leaf:", leaf is outer.middle.inner)
import outer.middle as mid
print(mid.__name__, mid.__package__)
