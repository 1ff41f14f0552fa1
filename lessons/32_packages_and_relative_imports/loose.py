# loose.py (lesson 32): a top-level module, not inside any package, so a
# relative import has nothing to be relative to.
from . import anything
