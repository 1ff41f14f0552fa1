print("main __package__:", repr(__package__), "| __spec__:", __spec__)
try:
    from . import anything
except ImportError as e:
    print("in main:", type(e).__name__, e)
try:
    import pkg.deep
except ImportError as e:
    print("beyond top level:", type(e).__name__, e)
try:
    import toplevel
except ImportError as e:
    print("top-level module:", type(e).__name__, e)
try:
    from .. import x
except ImportError as e:
    print("two dots in main:", e)
