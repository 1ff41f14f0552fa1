import sys

def make():
    captured = [0]
    print(" local before closure exists", sys.getrefcount(captured))
    def get():
        return captured
    def add(v):
        captured.append(v)
    print(" cell-held local", sys.getrefcount(captured))
    return get, add

get, add = make()
obj = get()
print("via cell and name", sys.getrefcount(obj))
add(5)
print("contents", obj)
del obj
print("only the cell", sys.getrefcount(get()))
get2, add2 = make()
print("independent", get() is get2())
del add
print("after deleting one closure", sys.getrefcount(get()))

def outer(arg):
    def inner():
        return arg
    return inner

payload = {"p": 1}
print("payload", sys.getrefcount(payload))
f1 = outer(payload)
f2 = outer(payload)
print("two closures", sys.getrefcount(payload))
del f1
print("one closure", sys.getrefcount(payload))
f2 = None
print("none", sys.getrefcount(payload))
