class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

class Err(Exception):
    pass

print("exception bound with as is deleted at the end of the handler")
try:
    raise Err(T("payload1"))
except Err as e:
    print("  handling", e.args[0].name)
print("after handler")
print("e exists?", "e" in globals())

print("exception without as")
try:
    raise Err(T("payload2"))
except Err:
    print("  handling")
print("after handler 2")

print("exception kept")
try:
    raise Err(T("payload3"))
except Err as e:
    kept = e
print("  kept", kept.args[0].name)
kept = None
print("after dropping kept")

def f():
    local = T("frame local")
    raise Err(T("payload4"))

print("exception from a call: traceback holds the frame")
try:
    f()
except Err as e:
    print("  handling", e.args[0].name)
print("done")
