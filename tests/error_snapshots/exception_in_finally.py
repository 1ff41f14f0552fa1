def f():
    try:
        raise KeyError("first")
    finally:
        raise ValueError("second")


f()
