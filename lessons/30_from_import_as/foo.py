# Module for lesson 30.
print("   [foo.py body is running]")

__all__ = ["bar", "counter", "items"]

counter = 0
items = []
_internal = "underscore names are skipped by `import *`"
not_exported = "left out of __all__"


def bar():
    return "foo.bar was called"


def bump():
    global counter
    counter += 1          # rebinds foo.counter to a NEW int object
    items.append(counter) # mutates the shared list object
