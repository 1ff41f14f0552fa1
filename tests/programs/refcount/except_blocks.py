import sys

class MyError(Exception):
    pass

payload = ["data"]
print("start", sys.getrefcount(payload))
try:
    raise MyError(payload)
except MyError as e:
    print("in handler: exc", sys.getrefcount(e), "payload", sys.getrefcount(payload))
    print("args", e.args[0] is payload)
print("handler done", sys.getrefcount(payload))

err = MyError(payload)
print("exception object", sys.getrefcount(err))
try:
    raise err
except MyError as caught:
    print("caught is err", caught is err, sys.getrefcount(err))
print("after handler", sys.getrefcount(err))

saved = None
try:
    raise MyError(payload)
except MyError as e2:
    saved = e2
print("saved exception", sys.getrefcount(saved), sys.getrefcount(payload))
saved = None
print("dropped", sys.getrefcount(payload))

def thrower(obj):
    raise ValueError(obj)

try:
    thrower(payload)
except ValueError:
    print("no name binding", sys.getrefcount(payload))
print("after", sys.getrefcount(payload))

try:
    try:
        raise KeyError(payload)
    finally:
        print("in finally", sys.getrefcount(payload))
except KeyError as ke:
    print("outer handler", sys.getrefcount(payload))
print("end", sys.getrefcount(payload))
