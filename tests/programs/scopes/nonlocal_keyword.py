def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc()
inc()
print("count", get())
inc2, get2 = make_counter()
print("independent", inc2(), get())

def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        print("middle x:", x)
    middle()
    print("outer x:", x)

outer()

def skip_level():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v += 10
        inner()
        return v
    return mid()

print("skip level", skip_level())
