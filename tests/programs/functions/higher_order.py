def apply(fn, *args):
    return fn(*args)

def make_adder(n):
    def adder(x):
        return x + n
    return adder

print(apply(max, 3, 9, 2))
print(apply(make_adder(5), 10))
adders = [make_adder(i) for i in range(3)]
print([a(100) for a in adders])

def pipeline(*fns):
    def run(x):
        for fn in fns:
            x = fn(x)
        return x
    return run

p = pipeline(make_adder(1), lambda x: x * 3, str, lambda s: s + "!")
print(p(4))

def counter_factory():
    calls = []
    def counted(fn):
        def wrapper(*a):
            calls.append(fn.__name__)
            return fn(*a)
        return wrapper
    return counted, calls

counted, calls = counter_factory()
double = counted(lambda x: x * 2)
print(double(4), double(5), calls)
print(sorted(["bb", "a", "ccc"], key=len))
print(list(map(pow, [2, 3], [3, 2])))
