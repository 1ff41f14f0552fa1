class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0
    def __call__(self, x, extra=0):
        self.calls += 1
        return x * self.k + extra

double = Multiplier(2)
print(double(5), double(5, extra=1), double.calls)
print(list(map(double, [1, 2, 3])))
print(callable(double), callable(Multiplier), callable(5))

class NotCallable:
    pass

try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
try:
    n = 5
    n()
except TypeError as e:
    print("TypeError:", e)
try:
    text = "text"
    text("arg")
except TypeError as e:
    print("TypeError:", e)

class Adder:
    def __call__(self, *args):
        return sum(args)

print(Adder()(1, 2, 3))
print(sorted([3, 1, 2], key=Multiplier(-1)))
