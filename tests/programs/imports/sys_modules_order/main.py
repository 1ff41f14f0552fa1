import sys
before = set(sys.modules)
import a
new = [k for k in sys.modules if k not in before]
print(new)
print(list(vars(a.b))[-2:])
