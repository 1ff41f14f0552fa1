def a():
    try:
        raise KeyError("a failed")
    except KeyError:
        b()

def b():
    try:
        [][1]
    except IndexError as e:
        raise RuntimeError("b failed") from e

a()
