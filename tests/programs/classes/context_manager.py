class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Resource("a") as value:
    print("body got", value)

with Resource("b", suppress=True):
    raise KeyError("swallowed")
print("after suppressed error")

try:
    with Resource("c"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)

with Resource("outer"), Resource("inner") as inner:
    print("nested body", inner)

def early_return():
    with Resource("ret"):
        return "returned"

print(early_return())
for i in range(2):
    with Resource("loop%d" % i):
        if i == 0:
            continue
        break

class NoExit:
    def __enter__(self):
        return self

try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
