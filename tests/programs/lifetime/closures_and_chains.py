class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

def make_closure():
    captured = T("captured")
    return lambda: captured.name

print("closure keeps its cell alive")
f = make_closure()
print("  call:", f())
f = None
print("closure dropped")

def two_closures():
    shared = T("shared")
    return (lambda: shared), (lambda: shared)

a, b = two_closures()
del a
print("one of two closures dropped")
del b
print("both dropped")

class Err(Exception):
    pass

print("exception chain holds both payloads")
try:
    try:
        raise Err(T("first payload"))
    except Err:
        raise Err(T("second payload"))
except Err as e:
    print("  caught", e.args[0].name, "context", e.__context__.args[0].name)
print("handler done")

def default_holder(d=T("default value")):
    return d.name

print("function with default:", default_holder())
del default_holder
print("done")
