print(id([]) == id([]))
print(id(object()) == id(object()))
a = [1]
addr = id(a)
del a
b = [2]
print(id(b) == addr)
class A:
    pass
x = A()
ax = id(x)
del x
y = A()
print(id(y) == ax)
