import sys
from tools import hammer, saw
print(hammer.use(), saw.use())
print("bound as package attributes:", __import__("tools").hammer is hammer)
from tools import VERSION
print("VERSION:", VERSION)
try:
    from tools import drill
except ImportError as e:
    print("ImportError:", e)
    print("name:", e.name)
print("'tools.drill' in sys.modules:", "tools.drill" in sys.modules)
