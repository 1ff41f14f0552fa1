for t in [BlockingIOError,ConnectionError,BrokenPipeError,UnicodeTranslateError,EncodingWarning,TimeoutError,ProcessLookupError]:
    n = t.__name__
    print(n, t.__mro__, t.__module__)
try:
    raise BrokenPipeError("x")
except OSError as e:
    print(type(e).__name__, e, e.args)
