# Recursion: naive Fibonacci. Stresses function calls, frame creation and
# teardown, small-int arithmetic and comparisons.

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    total = 0
    for n in range(20, 32):
        total += fib(n)
    print("fib checksum:", total, fib(25))


main()
