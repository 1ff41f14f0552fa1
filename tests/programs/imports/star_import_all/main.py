from shapes import *
print(sorted(k for k in globals() if not k.startswith("__")))
print(area(3), PI)
print("_hidden" in globals(), "helper" in globals())
