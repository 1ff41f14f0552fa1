try:
    int("nope")
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    {"a": 1}["b"]
except KeyError as e:
    print(type(e).__name__, e.args, str(e), repr(e))
try:
    [1, 2][10]
except IndexError as e:
    print(type(e).__name__, e.args)
try:
    None.attr
except AttributeError as e:
    print(type(e).__name__, e.args)
try:
    undefined_thing
except NameError as e:
    print(type(e).__name__, e.args)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e.args)
try:
    raise OSError(2, "No such thing")
except OSError as e:
    print(type(e).__name__, e.args, e.errno, e.strerror, str(e))
e = Exception("a", 2, [3])
print(e.args, str(e), repr(e))
print(str(Exception()), repr(Exception()), repr(Exception("")))
try:
    raise StopIteration(7)
except StopIteration as s:
    print("value", s.value)
tb_type = None
try:
    raise ValueError("tb")
except ValueError as e:
    tb_type = type(e.__traceback__).__name__
print(tb_type)
