# Errors nobody can receive go to sys.unraisablehook as UnraisableHookArgs;
# a failing hook is itself reported on stderr.
import sys
import weakref

print(sys.__unraisablehook__ is sys.unraisablehook)


def hook(info):
    print("hook:", type(info).__name__, len(info), info.exc_type.__name__,
          info.exc_value, info.err_msg, info.object.__qualname__,
          type(info.exc_traceback).__name__, info[1] is info.exc_value)


class Faulty:
    def __del__(self):
        raise ValueError("in __del__")


sys.unraisablehook = hook
Faulty()
print("after first")


class Target:
    pass


def callback(ref):
    raise RuntimeError("in callback")


t = Target()
r = weakref.ref(t, callback)
del t
print("after weakref callback")


class FailingHook:
    def __call__(self, info):
        raise KeyError("hook failed")

    def __repr__(self):
        return "<FailingHook>"


sys.unraisablehook = FailingHook()
Faulty()
print("after failing hook")
sys.unraisablehook = hook
try:
    sys.__unraisablehook__(42)
except TypeError as e:
    print(e)
print("done")
