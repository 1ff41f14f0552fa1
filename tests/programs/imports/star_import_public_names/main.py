from things import *
names = sorted(k for k in globals() if not k.startswith("__"))
print(names)
print(math_like.__name__, function())
