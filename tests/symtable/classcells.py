def f():
    x = 1
    class C:
        x = 2
        def m(self):
            return x
        y = x
    return C
class D:
    def __init__(self):
        super().__init__()
    class E:
        def g(self):
            return __class__
def h():
    class F:
        nonlocal_test = 1
    return F
