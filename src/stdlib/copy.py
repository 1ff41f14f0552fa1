"""Generic (shallow and deep) copying operations -- pysim's version of CPython
3.11's Lib/copy.py.

    y = copy.copy(x)        # shallow copy
    y = copy.deepcopy(x)    # deep copy (memo dict, cycles, shared references)

Classes can control copying with `__copy__()` and `__deepcopy__(memo)`, and
with `__reduce_ex__`/`__reduce__`, `__getnewargs__`, `__getstate__` and
`__setstate__` defined in Python, exactly as in CPython.

What differs: CPython copies every object that is not a builtin container by
calling the C method `object.__reduce_ex__(4)` (through copyreg) and then
rebuilding it with `_reconstruct`. pysim has no `__reduce_ex__` on its builtin
types, so `_reduce` below computes the same reduce tuple in Python:

* instances of user classes: `cls.__new__(cls, *x.__getnewargs__())` (or
  `cls.__new__(cls)`), then the state -- `x.__getstate__()` if the class
  defines it, else the instance `__dict__` (None when empty) -- copied into the
  new object (`__setstate__` if defined, else `__dict__.update`); for
  subclasses of list and dict the items are then appended/set one by one, as
  CPython does;
* set and frozenset (and subclasses): `cls(list(x))` plus the state;
* exceptions: `cls(*x.args)` plus the `__dict__`;
* list/dict/set/bytearray have direct copiers and int, str, tuple, functions,
  classes, ... are atomic, as in CPython (a tuple's deepcopy is the same
  tuple when no item changed).

Objects of builtin types with no Python-level state (generators, frames,
iterators, ...) raise TypeError("cannot pickle 'generator' object") as CPython
does. The memo behaves as CPython's: it maps id(original) -> copy and keeps the
originals alive in memo[id(memo)].
"""

import types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # backward compatibility


def _newobj(cls, *args):
    """copyreg.__newobj__: what the reduce protocol uses to create the copy."""
    return cls.__new__(cls, *args)


# Types whose instances pysim knows how to take apart (everything CPython
# would handle with a C-level __reduce__); user classes derive from these.
_BUILTIN_BASES = (object, int, float, complex, str, bytes, bytearray, list, tuple,
                  dict, set, frozenset, BaseException, bool, type)


def _user_reducer(cls):
    """A __reduce_ex__ or __reduce__ defined in Python in cls's MRO, if any."""
    for klass in cls.__mro__:
        if klass in _BUILTIN_BASES:
            return None
        d = klass.__dict__
        if "__reduce_ex__" in d:
            return "__reduce_ex__"
        if "__reduce__" in d:
            return "__reduce__"
    return None


def _getstate(x, cls):
    """object.__getstate__(): the user's one, or the instance dict (None if empty)."""
    for klass in cls.__mro__:
        if klass in _BUILTIN_BASES:
            break
        if "__getstate__" in klass.__dict__:
            return x.__getstate__()
    try:
        d = x.__dict__
    except AttributeError:
        return None
    if not d:
        return None
    return d


def _getnewargs(x, cls):
    for klass in cls.__mro__:
        if klass in _BUILTIN_BASES:
            break
        if "__getnewargs__" in klass.__dict__:
            return tuple(x.__getnewargs__())
    # the C types' own __getnewargs__
    for base in (bool, int, float, complex, str, bytes, tuple):
        if isinstance(x, base):
            return (base(x),)
    return None


def _reduce(x, cls):
    """The reduce tuple CPython's x.__reduce_ex__(4) would return."""
    name = _user_reducer(cls)
    if name == "__reduce_ex__":
        return x.__reduce_ex__(4)
    if name == "__reduce__":
        return x.__reduce__()
    if isinstance(x, (set, frozenset)):
        return (cls, (list(x),), _getstate(x, cls))
    if isinstance(x, BaseException):
        d = getattr(x, "__dict__", None)
        if d:
            return (cls, x.args, d)
        return (cls, x.args)
    args = _getnewargs(x, cls)
    has_args = args is not None
    if args is None:
        args = ()
    state = _getstate(x, cls)
    if not has_args and not isinstance(x, (list, dict)) and cls is not object \
            and state is None and not hasattr(x, "__dict__"):
        # an opaque builtin object (generator, iterator, frame, ...)
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return (_newobj, (cls,) + args, state, listitems, dictitems)


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """

    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        # treat it as a regular class:
        return _copy_immutable(x)

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}


def _copy_immutable(x):
    return x


for t in (type(None), int, float, bool, complex, str, tuple,
          bytes, frozenset, type, range, slice, property,
          types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented),
          types.FunctionType):
    d[t] = _copy_immutable
t = getattr(types, "CodeType", None)
if t is not None:
    d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
d[bytearray] = bytearray.copy

del d, t


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """

    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = _deepcopy_atomic(x, memo)
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x, cls)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)  # Make sure x lives at least as long as d
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


d[type(None)] = _deepcopy_atomic
d[type(Ellipsis)] = _deepcopy_atomic
d[type(NotImplemented)] = _deepcopy_atomic
d[int] = _deepcopy_atomic
d[float] = _deepcopy_atomic
d[bool] = _deepcopy_atomic
d[complex] = _deepcopy_atomic
d[bytes] = _deepcopy_atomic
d[str] = _deepcopy_atomic
if getattr(types, "CodeType", None) is not None:
    d[types.CodeType] = _deepcopy_atomic
d[type] = _deepcopy_atomic
d[range] = _deepcopy_atomic
d[types.BuiltinFunctionType] = _deepcopy_atomic
d[types.FunctionType] = _deepcopy_atomic
d[property] = _deepcopy_atomic


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


d[dict] = _deepcopy_dict


def _deepcopy_method(x, memo):  # Copy instance methods
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


d[types.MethodType] = _deepcopy_method

del d


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo.

    Because we remember objects by their id, we have
    to assure that possibly temporary objects are kept
    alive by referencing them.
    We store a reference at the id of the memo, which should
    normally not be used unless someone tries to deepcopy
    the memo itself...
    """
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y


del types
