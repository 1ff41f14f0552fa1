import sys

class Box:
    pass

payload = {"x": 1}
b = Box()
print("box", sys.getrefcount(b), "payload", sys.getrefcount(payload))
b.item = payload
print("as attribute", sys.getrefcount(payload))
b.other = payload
print("two attributes", sys.getrefcount(payload))
b.item = None
print("attribute rebound", sys.getrefcount(payload))
del b.other
print("attribute deleted", sys.getrefcount(payload))
c = Box()
c.box = b
b.back = c
print("mutual refs", sys.getrefcount(b), sys.getrefcount(c))
setattr(c, "p", payload)
print("setattr", sys.getrefcount(payload))
q = getattr(c, "p")
print("getattr result kept", sys.getrefcount(payload))
delattr(c, "p")
print("delattr", sys.getrefcount(payload))
del b.back
print("broke cycle", sys.getrefcount(c))
del c
print("c gone, b held by nobody else", sys.getrefcount(b))
print("payload", sys.getrefcount(payload))
