"""Bind *args/**kwargs to named parameters with CPython 3.11's error messages.

CPython's namedtuple and dataclasses generate `__new__`/`__init__` from source
text with exec/eval, so calling them with bad arguments fails inside the
interpreter's own argument binding (Python/ceval.c, `initialize_locals`).
pysim has no exec, so those modules build their methods as closures taking
`*args, **kwargs` and call `bind` here, which checks the arguments in the same
order as ceval.c and raises TypeError with the same messages, e.g.

    Point.__init__() missing 1 required positional argument: 'y'
    Point.__init__() takes 3 positional arguments but 4 were given
    Point.__init__() got an unexpected keyword argument 'z'
    Point.__init__() got multiple values for argument 'x'

The only visible difference: a traceback of such an error shows one frame
more (the closure) than CPython's, whose failing call never starts a frame.
"""

_NOTHING = object()


def _format_names(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return "%s and %s" % (quoted[0], quoted[1])
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _missing(qualname, kind, names):
    return TypeError("%s() missing %d required %s argument%s: %s" % (
        qualname, len(names), kind, "" if len(names) == 1 else "s",
        _format_names(names)))


def bind(qualname, params, defaults, args, kwargs, kwonly=(), kwdefaults=None,
         selfcount=1):
    """Return the list of values for params + kwonly, in that order.

    qualname   -- the name used in messages ("Point.__init__")
    params     -- names of the positional-or-keyword parameters (without self)
    defaults   -- dict name -> default value for some of params
                  (like __defaults__, they must be the trailing ones)
    args       -- the positional arguments (without self)
    kwargs     -- the keyword arguments
    kwonly     -- names of keyword-only parameters
    kwdefaults -- dict name -> default value for some of kwonly
    selfcount  -- 1 when the function takes self/cls first (counted by CPython
                  in "takes N positional arguments"), else 0
    """
    if kwdefaults is None:
        kwdefaults = {}
    nparams = len(params)
    values = {}
    for i in range(min(len(args), nparams)):
        values[params[i]] = args[i]
    for key in kwargs:
        if key in values:
            raise TypeError("%s() got multiple values for argument '%s'" % (qualname, key))
        if key not in params and key not in kwonly:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (qualname, key))
        values[key] = kwargs[key]
    if len(args) > nparams:
        given = len(args) + selfcount
        argcount = nparams + selfcount
        ndefaults = len(defaults)
        if ndefaults:
            sig = "from %d to %d" % (argcount - ndefaults, argcount)
            plural = True
        else:
            sig = "%d" % argcount
            plural = argcount != 1
        kwonly_given = 0
        for name in kwonly:
            if name in values:
                kwonly_given += 1
        if kwonly_given:
            kwsig = " positional argument%s (and %d keyword-only argument%s)" % (
                "s" if given != 1 else "", kwonly_given, "s" if kwonly_given != 1 else "")
        else:
            kwsig = ""
        raise TypeError("%s() takes %s positional argument%s but %d%s %s given" % (
            qualname, sig, "s" if plural else "", given, kwsig,
            "was" if given == 1 and not kwonly_given else "were"))
    missing = [name for name in params if name not in values and name not in defaults]
    if missing:
        raise _missing(qualname, "positional", missing)
    missing = [name for name in kwonly if name not in values and name not in kwdefaults]
    if missing:
        raise _missing(qualname, "keyword-only", missing)
    result = []
    for name in params:
        result.append(values[name] if name in values else defaults[name])
    for name in kwonly:
        result.append(values[name] if name in values else kwdefaults[name])
    return result
