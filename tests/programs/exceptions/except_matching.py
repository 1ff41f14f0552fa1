def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup: " + type(e).__name__
    except ArithmeticError as e:
        return "arithmetic: " + type(e).__name__
    except Exception as e:
        return "other: " + type(e).__name__

for exc in [KeyError("k"), IndexError(0), ZeroDivisionError(), OverflowError(), ValueError(), LookupError()]:
    print(classify(exc))

try:
    raise ValueError
except ValueError as e:
    print("class raised, instance caught:", type(e).__name__, repr(e), e.args)

try:
    {}["missing"]
except LookupError as e:
    print("KeyError is a LookupError:", repr(e))

try:
    try:
        [][5]
    except KeyError:
        print("not reached")
except IndexError as e:
    print("propagated to outer:", e)

try:
    raise RuntimeError("bare except")
except:
    print("bare except caught it")

print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print([c.__name__ for c in KeyError.__mro__])
