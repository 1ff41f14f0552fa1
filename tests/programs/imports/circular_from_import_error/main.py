import sys
try:
    import first
except ImportError as e:
    print("ImportError:", e)
    print("name:", e.name, "| path:", e.path)
print("first" in sys.modules, "second" in sys.modules)
import second
print("second imported first:", second.first_value, "| first.value:", sys.modules["first"].value)
