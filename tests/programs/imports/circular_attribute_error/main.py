try:
    import left
except AttributeError as e:
    print("AttributeError:", e)
import sys
print(sorted(k for k in ("left", "right") if k in sys.modules))
import plain
try:
    plain.nothing
except AttributeError as e:
    print("AttributeError:", e)
