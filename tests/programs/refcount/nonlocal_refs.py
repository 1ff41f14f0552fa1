import sys

def counter():
    box = []
    def push(x):
        nonlocal box
        box = box + [x]
        return len(box)
    def get():
        return box
    return push, get

push, get = counter()
item = {"n": 1}
push(item)
push(item)
print("two in box", sys.getrefcount(item))
b = get()
print("box list", sys.getrefcount(b))
push(item)
print("box replaced: old list only held by b", sys.getrefcount(b), sys.getrefcount(item))
del b
print("old list freed", sys.getrefcount(item))
del push
print("push gone, cell alive through get", sys.getrefcount(item))
del get
print("both gone", sys.getrefcount(item))
