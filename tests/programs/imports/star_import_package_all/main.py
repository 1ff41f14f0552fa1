import sys
from kit import *
print(sorted(k for k in globals() if not k.startswith("__")))
print(alpha.NAME, beta.NAME)
print("gamma loaded:", "kit.gamma" in sys.modules)
