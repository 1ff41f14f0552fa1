x = "global"

class A:
    x = "class attribute"
    y = x + " (read in class body)"
    def method(self):
        return x
    def method2(self):
        return self.x

a = A()
print(A.y)
print("method sees global, not class body:", a.method())
print("via self:", a.method2())

def factory():
    x = "enclosing function"
    class B:
        print("class body sees enclosing:", x)
        z = x
        def m(self):
            return x
    return B

B = factory()
print(B.z, B().m())

class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    total = sum(items)

print(C.doubled, C.total)

class D:
    n = 5
    try:
        values = [n * i for i in range(3)]
    except NameError as e:
        values = "NameError: " + str(e)

print(D.values)
