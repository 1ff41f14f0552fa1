# Closures: creating closures, calling them, and nonlocal counters.
# Stresses cell variables, function object creation and calls.

def make_counter(start):
    count = start

    def inc(step):
        nonlocal count
        count += step
        return count

    return inc


def make_adder(n):
    return lambda x: x + n


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def main():
    c = make_counter(0)
    total = 0
    for i in range(1200000):
        total += c(i & 3)
    adders = [make_adder(k) for k in range(10)]
    s = 0
    for i in range(120000):
        for a in adders:
            s = a(s) % 1000003
    made = 0
    for i in range(400000):
        h = compose(make_adder(i), make_adder(1))
        made += h(i)
    print("closures checksum:", total, c(0), s, made)


main()
