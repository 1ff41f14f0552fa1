# Lesson 15: explicit cleanup -- close() and context managers, not __del__
#
# __del__ is a poor place to release things like files, sockets or locks:
#   * if the object ends up in a reference cycle, __del__ waits for the
#     cycle collector (lesson 14) -- maybe a long time;
#   * some other reference (a traceback, a cache, a global list) can keep
#     the object alive much longer than you expect;
#   * other Python implementations do not use reference counting at all.
#
# Instead, give the class a close() method and make it a context manager.
# `with obj:` calls obj.__exit__ when the block ends, however it ends --
# normally, via return/break, or through an exception. The object itself may
# live on afterwards; only the resource it holds is released on time.
import contextlib
import gc


class Connection:
    def __init__(self, name):
        self.name = name
        self.closed = False
        print(f"   open {name}")

    def send(self, text):
        if self.closed:
            raise ValueError(f"{self.name} is closed")
        print(f"   {self.name} <- {text}")

    def close(self):
        if not self.closed:            # closing twice is harmless
            self.closed = True
            print(f"   close {self.name}")

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
        return False                   # do not swallow exceptions


gc.disable()                           # make the "cycle" case obvious

print("== relying on __del__-style cleanup fails with a cycle ==")


class Leaky(Connection):
    def __del__(self):
        self.close()


c = Leaky("leaky")
c.self_ref = c                         # an accidental cycle
del c
print("after del c: nothing was closed (the cycle keeps it alive)")

print()
print("== a with block closes on time, cycle or not ==")
with Connection("db") as conn:
    conn.self_ref = conn               # same accidental cycle
    conn.send("SELECT 1")
print("after the with block, conn.closed =", conn.closed)

print()
print("== ...even when the block raises ==")
try:
    with Connection("flaky") as conn:
        conn.send("hello")
        raise RuntimeError("network down")
except RuntimeError as exc:
    print("caught:", exc, "| conn.closed =", conn.closed)

print()
print("== using a closed resource is an error, not a silent leak ==")
try:
    conn.send("too late")
except ValueError as exc:
    print("ValueError:", exc)

print()
print("== try/finally does the same by hand ==")
conn = Connection("manual")
try:
    conn.send("ping")
finally:
    conn.close()

print()
print("== contextlib.closing() for objects that only have close() ==")


class OnlyClose:
    def close(self):
        print("   OnlyClose.close()")


with contextlib.closing(OnlyClose()):
    print("   inside the block")

print()
print("== a generator-based context manager ==")


@contextlib.contextmanager
def connected(name):
    conn = Connection(name)
    try:
        yield conn
    finally:
        conn.close()


with connected("gen") as g:
    g.send("hi")

print()
print("== files are context managers too ==")
with open(__file__) as f:
    first_line = f.readline().rstrip()
print("first line of this file:", first_line)
print("file closed after the block:", f.closed)

print()
gc.enable()
print("finally running gc.collect() frees the leaky cycle:")
gc.collect()
