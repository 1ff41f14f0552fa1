def chain():
    try:
        raise ValueError("first")
    except ValueError:
        raise KeyError("second")

try:
    chain()
except KeyError as e:
    print("caught", repr(e))
    print("context", repr(e.__context__))
    print("cause", e.__cause__)

try:
    try:
        raise ValueError("a")
    finally:
        print("finally sees the exception in flight")
except ValueError as e:
    print("context of a:", e.__context__)

def three_levels():
    try:
        try:
            raise IndexError("one")
        except IndexError:
            raise TypeError("two")
    except TypeError:
        raise RuntimeError("three")

try:
    three_levels()
except RuntimeError as e:
    c = e
    while c is not None:
        print("chain:", type(c).__name__, c)
        c = c.__context__

try:
    try:
        raise ValueError("handled")
    except ValueError:
        pass
    raise KeyError("after handled")
except KeyError as e:
    print("no context after handler finished:", e.__context__)
