def make_accumulator(start):
    total = start
    def add(n):
        nonlocal total
        total += n
        return total
    return add

acc = make_accumulator(10)
print(acc(1), acc(2), acc(3))
print(acc.__code__.co_freevars)

def shared_cell():
    value = 0
    def setter(v):
        nonlocal value
        value = v
    def getter():
        return value
    return setter, getter

s, g = shared_cell()
s(42)
print("shared:", g())

def param_captured(p):
    return lambda: p * 2

print(param_captured(21)())

def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3
        return l2
    return l1

print(deep()()()())
print(make_accumulator.__code__.co_cellvars)
