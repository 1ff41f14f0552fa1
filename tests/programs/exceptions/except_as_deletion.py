e = "module value"
try:
    raise ValueError("v")
except ValueError as e:
    print("inside:", repr(e))
try:
    print(e)
except NameError as err:
    print("NameError:", err)

def f():
    exc = None
    try:
        1 / 0
    except ZeroDivisionError as exc:
        pass
    return exc

try:
    f()
except UnboundLocalError as err:
    print("UnboundLocalError:", err)

def keep():
    saved = None
    try:
        [].pop()
    except IndexError as exc:
        saved = exc
    return saved

print("saved:", repr(keep()))

def handler_rebinds():
    try:
        raise KeyError("k")
    except KeyError as x:
        x = "rebound"
    return "x" in locals()

print("name still deleted after rebinding:", handler_rebinds())
