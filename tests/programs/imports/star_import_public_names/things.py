import math_like
from math_like import double as _double
public = 1
_private = 2
__dunder = 3
def function():
    return _double(public)
class Thing:
    pass
