import sys
print("main starts")
import greet
print(greet.hello("ann"))
import greet as g2
print("alias is same object:", g2 is greet)
from greet import hello as hi, COUNT
print(hi("bob"), COUNT)
print("type:", type(greet).__name__, "| name:", greet.__name__)
print("in sys.modules:", sys.modules["greet"] is greet)
print(sorted(k for k in vars(greet) if not k.startswith("__")))
greet.COUNT += 1
print("module attribute rebound:", greet.COUNT, "| our copy:", COUNT)
