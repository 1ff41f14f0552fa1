class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("  suppressing", et.__name__, ev)
            return True
        return False

with Suppress(KeyError):
    {}["x"]
    print("not reached")
print("continued after suppression")

try:
    with Suppress(KeyError):
        [][0]
except IndexError as e:
    print("not suppressed:", e)

class Tracer:
    def __enter__(self):
        print("  enter")
    def __exit__(self, et, ev, tb):
        print("  exit:", et.__name__ if et else None)

def f():
    with Tracer():
        raise ValueError("from body")

try:
    f()
except ValueError as e:
    print("propagated:", e)

class Raising:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("from __exit__")

try:
    with Raising():
        raise ValueError("original")
except RuntimeError as e:
    print("exit raised:", e, "| context:", repr(e.__context__))
