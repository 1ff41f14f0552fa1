def f(path):
    with open(path) as fh:
        return fh.read()


def g(a, b):
    with a as x, b as y:
        print(x, y)


def h(lock):
    for i in range(3):
        with lock:
            if i:
                continue
            break


with open("x") as f1:
    pass
