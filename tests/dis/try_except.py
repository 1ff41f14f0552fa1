def f():
    try:
        x = 1 / 0
    except ZeroDivisionError as e:
        print("caught", e)
    except (TypeError, ValueError):
        pass
    except:
        raise
    else:
        print("else")
    finally:
        print("finally")


def g():
    try:
        return 1
    finally:
        print("cleanup")


def h(x):
    try:
        raise ValueError("bad") from x
    except ValueError:
        return 2


try:
    import nothing_here
except ImportError:
    nothing_here = None
