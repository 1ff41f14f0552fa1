class ConfigError(Exception):
    pass

def load(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise ConfigError("missing key " + repr(key)) from e

try:
    load("b")
except ConfigError as e:
    print("caught:", e)
    print("cause:", repr(e.__cause__))
    print("context is cause:", e.__context__ is e.__cause__)
    print("suppress context:", e.__suppress_context__)

def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None

try:
    suppressed()
except ValueError as e:
    print("cause:", e.__cause__, "context:", repr(e.__context__), "suppress:", e.__suppress_context__)

try:
    raise KeyError("x") from ValueError("explicit cause")
except KeyError as e:
    print("explicit:", repr(e.__cause__), e.__context__)

try:
    raise TypeError("bad") from 42
except TypeError as e:
    print("TypeError:", e)
