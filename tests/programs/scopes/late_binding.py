funcs = []
for i in range(3):
    funcs.append(lambda: i)
print("late binding:", [f() for f in funcs])

funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print("default captures:", [f() for f in funcs])

def make_multipliers():
    return [lambda x: x * k for k in range(1, 4)]

print("comprehension closures:", [m(10) for m in make_multipliers()])

def bind_each():
    result = []
    for k in range(1, 4):
        def mul(x, k=k):
            return x * k
        result.append(mul)
    return result

print("bound each:", [m(10) for m in bind_each()])

def closure_sees_later_assignment():
    def get():
        return value
    value = "assigned after def"
    return get()

print(closure_sees_later_assignment())

def rebinding_visible():
    v = 1
    def get():
        return v
    first = get()
    v = 2
    return first, get()

print(rebinding_visible())
i = 100
print("module i used by lambdas:", funcs[0](), [lambda: i][0]())
