import sys

class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)

a = Tracked("a")
b = a
print("two refs", sys.getrefcount(a))
del a
print("one left", sys.getrefcount(b))
del b
print("after last del")

holder = [Tracked("in list")]
print("list holds", sys.getrefcount(holder[0]))
holder.pop()
print("after pop")

c = Tracked("c")
c = Tracked("c2")
print("rebound c")
d = {"k": Tracked("dv")}
d["k"] = 1
print("dict value replaced")
t = Tracked("temp").name
print("temp name", t)

def scope():
    local = Tracked("local")
    print("in scope", sys.getrefcount(local))
    return 5

print("scope returned", scope())
x = Tracked("x")
x.child = Tracked("child")
print("child refs", sys.getrefcount(x.child))
del x
print("end of program")
