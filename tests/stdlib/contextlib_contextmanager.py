# contextlib.contextmanager: enter/exit order, exceptions, suppression,
# misbehaving generators, use as a decorator
from contextlib import contextmanager, ContextDecorator

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("a") as value:
    print("body", value)
with tag("outer"):
    with tag("inner"):
        print("nested")

@contextmanager
def catching(*kinds):
    try:
        yield
    except kinds as e:
        print("caught", type(e).__name__, e)

with catching(ValueError):
    raise ValueError("bad value")
print("after suppressed")
try:
    with catching(KeyError):
        raise ValueError("not caught")
except ValueError as e:
    print("propagated", e)

@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def yields_after_throw():
    try:
        yield
    except ZeroDivisionError:
        yield
try:
    with yields_after_throw():
        1 / 0
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def reraise_other():
    try:
        yield
    except KeyError:
        raise IndexError("converted")
try:
    with reraise_other():
        raise KeyError("k")
except IndexError as e:
    print("IndexError:", e, "| context:", repr(e.__context__))

@contextmanager
def plain():
    yield "x"
try:
    with plain():
        raise StopIteration("inside with")
except StopIteration as e:
    print("StopIteration propagated:", e)

e_obj = RuntimeError("same")
try:
    with plain():
        raise e_obj
except RuntimeError as e:
    print("same object:", e is e_obj)

@tag("decorated")
def work(x):
    print("working", x)
    return x * 2
print(work(21))
print(work.__name__, tag.__name__, tag.__doc__ is None)

class mycm(ContextDecorator):
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return False

@mycm()
def f():
    print("in f")
f()
with mycm() as m:
    print(type(m).__name__)

cm = tag("once")
with cm:
    pass
try:
    with cm:
        pass
except Exception as e:
    print(type(e).__name__ + ":", e)

@contextmanager
def resource(log):
    log.append("open")
    try:
        yield log
    except Exception as e:
        log.append("error " + str(e))
        raise
    else:
        log.append("ok")
    finally:
        log.append("close")

log = []
with resource(log):
    log.append("use")
try:
    with resource(log):
        raise ValueError("boom")
except ValueError:
    pass
print(log)
