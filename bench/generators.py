# Generators: a pipeline of generator functions and generator expressions,
# consumed by sum() and for-loops. Stresses generator frames, suspension and
# resumption, StopIteration handling.

def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def squares(src):
    for x in src:
        yield x * x


def take(src, k):
    for x in src:
        if k <= 0:
            return
        k -= 1
        yield x


def main():
    total = sum(squares(evens(numbers(2500000))))
    t2 = 0
    for v in take(squares(numbers(10 ** 9)), 800000):
        t2 = (t2 + v) % 1000000007
    g = sum(x % 7 for x in range(1500000) if x % 3)
    count = 0
    for i in range(100000):
        for _ in numbers(5):
            count += 1
    print("generators checksum:", total, t2, g, count)


main()
