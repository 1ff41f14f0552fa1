import sys, os
here = os.path.dirname(__file__)
try:
    import extra_mod
except ModuleNotFoundError as e:
    print("before:", e)
sys.path.insert(0, os.path.join(here, "vendor"))
import extra_mod
print("after:", extra_mod.WHO, extra_mod.__file__.rsplit("/", 2)[-2:])
sys.path.remove(os.path.join(here, "vendor"))
import extra_mod as again
print("still cached:", again is extra_mod)
print(type(sys.path).__name__, isinstance(sys.path[0], str))
