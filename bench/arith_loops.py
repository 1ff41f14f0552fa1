# Arithmetic loops: int and float math in tight while/for loops.
# Stresses the evaluation loop, int/float boxing, operators, comparisons.

def int_work(n):
    acc = 0
    i = 0
    while i < n:
        acc = (acc + i * i) % 1000003
        if i & 1:
            acc ^= i
        else:
            acc += i // 3
        i += 1
    return acc


def float_work(n):
    x = 0.0
    y = 0.5
    s = 0.0
    for i in range(n):
        x = x + y * 0.25
        y = y * 0.999 + 0.0007
        s += x / (1.0 + y)
        if x > 100.0:
            x = x - 100.0
    return x, y, s


def main():
    a = int_work(2000000)
    x, y, s = float_work(2000000)
    print("arith checksum:", a, round(x, 4), round(y, 6), int(s))


main()
