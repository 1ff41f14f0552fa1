# Lesson 28: exceptions keep frames alive; `except ... as e` deletes e
#
# An exception object carries its traceback (e.__traceback__). The traceback
# refers to the FRAMES the exception passed through, and each frame refers
# to its local variables. So as long as you hold on to an exception, every
# local variable of every frame it passed through stays alive.
#
# If a frame stores the exception in one of its own locals, that is a
# reference cycle: frame -> local -> exception -> traceback -> frame. Only
# the cycle collector can free it. To avoid creating such cycles
# accidentally, Python deletes the `as` target at the end of the except
# block: `except E as e:` behaves like
#
#     except E as e:
#         try:
#             <body>
#         finally:
#             del e
import gc
import traceback


class Big:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"   {self.name} freed")


print("== the `as` name is deleted after the except block ==")
e = "I was here before"
try:
    raise ValueError("boom")
except ValueError as e:
    print("inside the block, e =", repr(e))
try:
    print(e)
except NameError as exc:
    print("after the block -> NameError:", exc)
    print("(even the earlier value of e is gone)")

print()
print("== keep it by assigning to another name ==")
try:
    raise KeyError("kept")
except KeyError as err:
    saved = err
print("saved survives the block:", repr(saved))
del saved

print()
print("== a held exception keeps the raising frame's locals alive ==")


def fail():
    payload = Big("payload in the failing frame")
    raise RuntimeError("failure")


try:
    fail()
except RuntimeError as err:
    held = err
print("the exception is held; its traceback reaches fail()'s frame")
tb = held.__traceback__
while tb.tb_next is not None:
    tb = tb.tb_next
print("innermost frame function:", tb.tb_frame.f_code.co_name)
print("that frame's locals:", sorted(tb.tb_frame.f_locals))
del tb
print("del held ...")
del held
print("after del held")

print()
print("== traceback.clear_frames frees the locals but keeps the exception ==")
try:
    fail()
except RuntimeError as err:
    held = err
print("clearing the frames ...")
traceback.clear_frames(held.__traceback__)
print("exception message still available:", held)
del held

print()
print("== storing the exception in a local of the SAME frame makes a cycle ==")
gc.disable()


def catch_and_store():
    local_big = Big("local of catch_and_store")
    try:
        raise ValueError("stored")
    except ValueError as exc:
        problem = exc            # frame -> problem -> exc -> traceback -> frame
    return "returned"


print("catch_and_store() ->", catch_and_store())
print("the function returned, but its local was not freed (a cycle)")
print("gc.collect() ...")
gc.collect()
gc.enable()

print()
print("== implicit chaining keeps earlier exceptions alive too ==")
try:
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("while handling the KeyError")
except ValueError as err:
    print("err.__context__:", repr(err.__context__))
    print("err.__suppress_context__:", err.__suppress_context__)
try:
    try:
        {}["missing"]
    except KeyError as k:
        raise ValueError("explicit cause") from k
except ValueError as err:
    print("with `from`: __cause__ is", type(err.__cause__).__name__,
          "| __suppress_context__:", err.__suppress_context__)
