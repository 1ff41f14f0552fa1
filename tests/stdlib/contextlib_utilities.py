# contextlib: suppress, closing, nullcontext, ExitStack, redirect_stdout,
# AbstractContextManager
import sys
from contextlib import (suppress, closing, nullcontext, ExitStack,
                        redirect_stdout, AbstractContextManager)

with suppress(KeyError, IndexError):
    {}["missing"]
print("suppressed KeyError")
with suppress(LookupError):
    [][1]
print("suppressed IndexError via LookupError")
try:
    with suppress(KeyError):
        int("x")
except ValueError as e:
    print("ValueError passed through:", e)
with suppress():
    pass

class Resource:
    def __init__(self, name):
        self.name = name
    def close(self):
        print("closed", self.name)

with closing(Resource("r1")) as r:
    print("using", r.name)
try:
    with closing(Resource("r2")):
        raise RuntimeError("fail")
except RuntimeError:
    print("closed even on error")

with nullcontext(42) as v:
    print("nullcontext gave", v)
with nullcontext() as v:
    print("nullcontext gave", v)

class Named:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False

with ExitStack() as stack:
    names = [stack.enter_context(Named(n)) for n in "abc"]
    stack.callback(print, "callback", 1, sep="-")
    print("inside", names)

try:
    with ExitStack() as stack:
        stack.enter_context(Named("x"))
        stack.enter_context(Named("y"))
        raise KeyError("oops")
except KeyError as e:
    print("propagated", repr(e))

class Suppressor:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("suppressing", exc[0].__name__ if exc[0] else None)
        return True

with ExitStack() as stack:
    stack.enter_context(Named("outer"))
    stack.push(Suppressor())
    stack.enter_context(Named("inner"))
    raise ValueError("swallowed")
print("after swallowed")

stack = ExitStack()
stack.callback(print, "deferred")
moved = stack.pop_all()
stack.close()
print("before moved close")
moved.close()

try:
    with ExitStack() as stack:
        stack.enter_context(object())
except TypeError as e:
    print("TypeError:", e)

def fail_exit(*exc):
    raise IndexError("from exit")
try:
    with ExitStack() as stack:
        stack.push(fail_exit)
        raise KeyError("first")
except IndexError as e:
    print("IndexError:", e, "context:", repr(e.__context__))

class Buffer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass

buf = Buffer()
with redirect_stdout(buf) as target:
    print("hidden line")
    print("another", 1, 2)
print("captured:", repr("".join(buf.parts)), target is buf)

print(issubclass(Named, AbstractContextManager), isinstance(Suppressor(), AbstractContextManager))
print(issubclass(int, AbstractContextManager), isinstance(nullcontext(), AbstractContextManager))

class Base(AbstractContextManager):
    def __exit__(self, *exc):
        return None
with Base() as b:
    print("default __enter__ returns self:", isinstance(b, Base))
