class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, name):
        super().__init__("not found: " + name)
        self.name = name

class WithStr(Exception):
    def __str__(self):
        return "custom str"

class WithArgs(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b

try:
    raise NotFound("config")
except AppError as e:
    print(type(e).__name__, e, e.name, e.args, repr(e))

print(str(WithStr("ignored")), repr(WithStr("ignored")))
w = WithArgs(1, 2)
print(w.args, str(w), repr(w), w.a + w.b)
print(repr(AppError()), str(AppError()), repr(AppError(1, "two")), str(AppError(1, "two")))
print(repr(ValueError("single")), str(KeyError("key")), str(KeyError()))
e = AppError("x")
e.extra = 5
print(e.extra, isinstance(e, Exception), isinstance(e, BaseException))
try:
    raise AppError
except AppError as err:
    print("raised class:", repr(err))
try:
    raise 5
except TypeError as err:
    print("TypeError:", err)

class NotAnException:
    pass

try:
    raise NotAnException()
except TypeError as err:
    print("TypeError:", err)
