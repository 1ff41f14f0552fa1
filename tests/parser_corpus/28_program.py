import sys


class Stack:
    """A stack."""

    def __init__(self, items=None):
        self.items = list(items or [])

    def push(self, x):
        self.items.append(x)
        return self

    def pop(self):
        if not self.items:
            raise IndexError('pop from empty stack')
        return self.items.pop()

    def __repr__(self):
        return f'Stack({self.items!r})'


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def main(argv):
    s = Stack()
    for i in range(10):
        s.push(fib(i))
    total = sum(x for x in s.items if x % 2 == 0)
    print(f'{total=}', file=sys.stderr)
    try:
        while True:
            s.pop()
    except IndexError as e:
        print('done:', e)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
