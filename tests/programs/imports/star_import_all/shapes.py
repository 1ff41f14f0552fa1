__all__ = ["area", "PI", "_hidden"]
PI = 3
_hidden = "listed in __all__, so exported"
def area(r):
    return PI * r * r
def helper():
    pass
