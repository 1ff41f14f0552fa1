class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        print("  __iter__ called")
        return CountdownIter(self.start)

class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

for x in Countdown(3):
    print(x)
print(list(Countdown(4)), sum(Countdown(5)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
a, b, c = Countdown(3)
print(a, b, c)
print(max(Countdown(6)), sorted(Countdown(3)))

class NotIterator:
    def __iter__(self):
        return 42

try:
    iter(NotIterator())
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
