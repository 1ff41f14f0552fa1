import sys

def fail(obj):
    local_copy = obj
    raise RuntimeError("boom")

thing = ["thing"]
print("start", sys.getrefcount(thing))
try:
    fail(thing)
except RuntimeError as e:
    print("handler: frame still referenced by traceback", sys.getrefcount(thing))
print("after handler", sys.getrefcount(thing))

saved = None
try:
    fail(thing)
except RuntimeError as e:
    saved = e
print("saved exception keeps the frame alive", sys.getrefcount(thing))
saved = None
print("released", sys.getrefcount(thing))

def catch_inside(obj):
    try:
        fail(obj)
    except RuntimeError:
        print("  inner handler", sys.getrefcount(obj))
    print("  after inner handler", sys.getrefcount(obj))

catch_inside(thing)
print("end", sys.getrefcount(thing))
