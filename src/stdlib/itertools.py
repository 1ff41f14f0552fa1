"""Functional tools for creating and using iterators -- pysim's pure-Python
model of CPython 3.11's C module `itertools` (Modules/itertoolsmodule.c).

Every tool is a class whose instances are their own iterators, as in C, so
that `type(chain())` is `itertools.chain`, arguments are checked (and input
iterables turned into iterators, or into tuples for the combinatoric tools)
when the object is created, with the C module's error messages, and each
`__next__` follows the C algorithm step by step: the same items are pulled
from the inputs in the same order (this matters for islice, zip_longest,
groupby, tee, ... on shared iterators).

Differences from CPython:
* objects carry an instance `__dict__` (pysim has no __slots__);
* the deprecated pickling/copy support (`__reduce__`, `__setstate__`) is not
  provided, except `tee` objects' `__copy__`;
* the combinatoric tools produce their tuples with an internal generator.
"""

import sys

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']

_NULL = object()        # "no value", the C code's NULL


def _parse(fname, args, kwargs, names, nrequired):
    """Argument Clinic style parsing of a C function's arguments."""
    if len(args) > len(names):
        raise TypeError("%s() takes at most %d argument%s (%d given)" % (
            fname, len(names), "" if len(names) == 1 else "s", len(args) + len(kwargs)))
    values = list(args) + [_NULL] * (len(names) - len(args))
    for key in kwargs:
        if key not in names:
            raise TypeError("'%s' is an invalid keyword argument for %s()" % (key, fname))
        i = names.index(key)
        if i < len(args):
            raise TypeError("argument for %s() given by name ('%s') and position (%d)"
                            % (fname, key, i + 1))
        values[i] = kwargs[key]
    for i in range(nrequired):
        if values[i] is _NULL:
            raise TypeError("%s() missing required argument '%s' (pos %d)"
                            % (fname, names[i], i + 1))
    return values


def _no_kwargs(fname, kwargs):
    if kwargs:
        raise TypeError("%s() takes no keyword arguments" % fname)


def _as_ssize(x):
    """PyNumber_AsSsize_t with the error cleared: -1 on failure."""
    try:
        index = type(x).__index__
    except AttributeError:
        return -1
    n = index(x)
    if n > sys.maxsize or n < -sys.maxsize - 1:
        return -1
    return n


def _as_index(x):
    """A C `Py_ssize_t` argument: TypeError for non-integers."""
    try:
        index = type(x).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(x).__name__) from None
    return index(x)


def _is_number(x):
    if isinstance(x, (int, float, complex)):
        return True
    t = type(x)
    return hasattr(t, '__index__') or hasattr(t, '__int__') or hasattr(t, '__float__')


class _Iterator:
    """Common base: an iterator is its own iterator."""

    def __iter__(self):
        return self


# ---------------------------------------------------------------- infinite

class count(_Iterator):
    """Return a count object whose .__next__() method returns consecutive values.

    Equivalent to:
        def count(firstval=0, step=1):
            x = firstval
            while 1:
                yield x
                x += step
    """

    def __init__(self, *args, **kwargs):
        start, step = _parse("count", args, kwargs, ["start", "step"], 0)
        if start is _NULL:
            start = 0
        if step is _NULL:
            step = 1
        if not _is_number(start) or not _is_number(step):
            raise TypeError("a number is required")
        self._cnt = start
        self._step = step

    def __next__(self):
        result = self._cnt
        self._cnt = result + self._step
        return result

    def __repr__(self):
        step = self._step
        if isinstance(step, int) and step == 1:
            return "%s(%r)" % (type(self).__name__, self._cnt)
        return "%s(%r, %r)" % (type(self).__name__, self._cnt, step)


class cycle(_Iterator):
    """Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."""

    def __init__(self, *args, **kwargs):
        _no_kwargs("cycle", kwargs)
        if len(args) != 1:
            raise TypeError("cycle expected 1 argument, got %d" % len(args))
        self._it = iter(args[0])
        self._saved = []
        self._index = 0
        self._firstpass = True

    def __next__(self):
        if self._it is not None:
            try:
                item = next(self._it)
            except StopIteration:
                self._it = None
            else:
                if self._firstpass:
                    self._saved.append(item)
                return item
        if not self._saved:
            raise StopIteration
        item = self._saved[self._index]
        self._index += 1
        if self._index >= len(self._saved):
            self._index = 0
        return item


class repeat(_Iterator):
    """repeat(object [,times]) -> create an iterator which returns the object
for the specified number of times.  If not specified, returns the object
endlessly."""

    def __init__(self, *args, **kwargs):
        obj, times = _parse("repeat", args, kwargs, ["object", "times"], 1)
        self._element = obj
        if times is _NULL:
            self._cnt = -1
        else:
            times = _as_index(times)
            self._cnt = times if times > 0 else 0

    def __next__(self):
        if self._cnt == 0:
            raise StopIteration
        if self._cnt > 0:
            self._cnt -= 1
        return self._element

    def __length_hint__(self):
        if self._cnt == -1:
            raise TypeError("len() of unsized object")
        return self._cnt

    def __repr__(self):
        if self._cnt == -1:
            return "%s(%r)" % (type(self).__name__, self._element)
        return "%s(%r, %d)" % (type(self).__name__, self._element, self._cnt)


# ---------------------------------------------------------------- terminating

class accumulate(_Iterator):
    """Return series of accumulated sums (or other binary function results)."""

    def __init__(self, *args, **kwargs):
        initial = kwargs.pop("initial", None) if "initial" in kwargs else None
        iterable, func = _parse("accumulate", args, kwargs, ["iterable", "func"], 1)
        self._it = iter(iterable)
        self._binop = None if func is _NULL else func
        self._total = _NULL
        self._initial = initial

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        val = next(self._it)
        if self._total is _NULL:
            self._total = val
        elif self._binop is None:
            self._total = self._total + val
        else:
            self._total = self._binop(self._total, val)
        return self._total


def _chain_gen(source):
    for iterable in source:
        for item in iterable:
            yield item


class chain(_Iterator):
    """Return a chain object whose .__next__() method returns elements from the
first iterable until it is exhausted, then elements from the next
iterable, until all of the iterables are exhausted."""

    def __init__(self, *args, **kwargs):
        _no_kwargs("chain", kwargs)
        self._gen = _chain_gen(iter(args))

    def __next__(self):
        return next(self._gen)

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable argument that evaluates lazily."""
        self = cls.__new__(cls)
        self._gen = _chain_gen(iter(iterable))
        return self


class compress(_Iterator):
    """Return data elements corresponding to true selector elements."""

    def __init__(self, *args, **kwargs):
        data, selectors = _parse("compress", args, kwargs, ["data", "selectors"], 2)
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __next__(self):
        while True:
            datum = next(self._data)
            selector = next(self._selectors)
            if selector:
                return datum


class dropwhile(_Iterator):
    """Drop items from the iterable while predicate(item) is true."""

    def __init__(self, *args, **kwargs):
        _no_kwargs("dropwhile", kwargs)
        if len(args) != 2:
            raise TypeError("dropwhile expected 2 arguments, got %d" % len(args))
        self._func = args[0]
        self._it = iter(args[1])
        self._start = False

    def __next__(self):
        while True:
            item = next(self._it)
            if self._start:
                return item
            if not self._func(item):
                self._start = True
                return item


class filterfalse(_Iterator):
    """Return those items of iterable for which function(item) is false."""

    def __init__(self, *args, **kwargs):
        _no_kwargs("filterfalse", kwargs)
        if len(args) != 2:
            raise TypeError("filterfalse expected 2 arguments, got %d" % len(args))
        self._func = args[0]
        self._it = iter(args[1])

    def __next__(self):
        while True:
            item = next(self._it)
            if self._func is None or self._func is bool:
                ok = bool(item)
            else:
                ok = bool(self._func(item))
            if not ok:
                return item


class groupby(_Iterator):
    """make an iterator that returns consecutive keys and groups from the iterable"""

    def __init__(self, *args, **kwargs):
        iterable, key = _parse("groupby", args, kwargs, ["iterable", "key"], 1)
        self._it = iter(iterable)
        self._keyfunc = None if key is _NULL else key
        self._tgtkey = _NULL
        self._currkey = _NULL
        self._currvalue = _NULL
        self._currgrouper = None

    def _step(self):
        newvalue = next(self._it)
        if self._keyfunc is None:
            newkey = newvalue
        else:
            newkey = self._keyfunc(newvalue)
        self._currvalue = newvalue
        self._currkey = newkey

    def __next__(self):
        self._currgrouper = None
        # skip to next iteration group
        while True:
            if self._currkey is _NULL:
                pass
            elif self._tgtkey is _NULL:
                break
            elif not (self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        return (self._currkey, grouper)


class _grouper(_Iterator):

    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey
        parent._currgrouper = self

    def __next__(self):
        gbo = self._parent
        if gbo._currgrouper is not self:
            raise StopIteration
        if gbo._currvalue is _NULL:
            gbo._step()
        if not (self._tgtkey == gbo._currkey):
            raise StopIteration
        r = gbo._currvalue
        gbo._currvalue = _NULL
        return r


class islice(_Iterator):
    """islice(iterable, stop) --> islice object
islice(iterable, start, stop[, step]) --> islice object

Return an iterator whose next() method returns selected values from an
iterable."""

    def __init__(self, *args, **kwargs):
        _no_kwargs("islice", kwargs)
        if len(args) < 2:
            raise TypeError("islice expected at least 2 arguments, got %d" % len(args))
        if len(args) > 4:
            raise TypeError("islice expected at most 4 arguments, got %d" % len(args))
        seq = args[0]
        start = 0
        stop = -1
        step = 1
        stop_msg = ("Stop argument for islice() must be None or "
                    "an integer: 0 <= x <= sys.maxsize.")
        if len(args) == 2:
            if args[1] is not None:
                stop = _as_ssize(args[1])
                if stop == -1:
                    raise ValueError(stop_msg)
        else:
            if args[1] is not None:
                start = _as_ssize(args[1])
            if args[2] is not None:
                stop = _as_ssize(args[2])
                if stop == -1:
                    raise ValueError(stop_msg)
        if start < 0 or stop < -1:
            raise ValueError("Indices for islice() must be None or "
                             "an integer: 0 <= x <= sys.maxsize.")
        if len(args) == 4 and args[3] is not None:
            step = _as_ssize(args[3])
        if step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(seq)
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._cnt < self._next:
                next(it)
                self._cnt += 1
            if stop != -1 and self._cnt >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        oldnext = self._next
        self._next += self._step
        if self._next < oldnext or (stop != -1 and self._next > stop):
            self._next = stop
        return item


class pairwise(_Iterator):
    """Return an iterator of overlapping pairs taken from the input iterator.

    s -> (s0,s1), (s1,s2), (s2, s3), ..."""

    def __init__(self, *args, **kwargs):
        (iterable,) = _parse("pairwise", args, kwargs, ["iterable"], 1)
        self._it = iter(iterable)
        self._old = _NULL

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        if self._old is _NULL:
            try:
                self._old = next(it)
            except StopIteration:
                self._it = None
                raise
        try:
            new = next(it)
        except StopIteration:
            self._it = None
            self._old = _NULL
            raise
        result = (self._old, new)
        self._old = new
        return result


class starmap(_Iterator):
    """Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."""

    def __init__(self, *args, **kwargs):
        _no_kwargs("starmap", kwargs)
        if len(args) != 2:
            raise TypeError("starmap expected 2 arguments, got %d" % len(args))
        self._func = args[0]
        self._it = iter(args[1])

    def __next__(self):
        args = next(self._it)
        if type(args) is not tuple:
            args = tuple(args)
        return self._func(*args)


class takewhile(_Iterator):
    """Return successive entries from an iterable as long as the predicate evaluates to true for each entry."""

    def __init__(self, *args, **kwargs):
        _no_kwargs("takewhile", kwargs)
        if len(args) != 2:
            raise TypeError("takewhile expected 2 arguments, got %d" % len(args))
        self._func = args[0]
        self._it = iter(args[1])
        self._stop = False

    def __next__(self):
        if self._stop:
            raise StopIteration
        item = next(self._it)
        if self._func(item):
            return item
        self._stop = True
        raise StopIteration


class _tee(_Iterator):
    """Iterator wrapped to make it copyable."""

    def __init__(self, *args, **kwargs):
        _no_kwargs("_tee", kwargs)
        if len(args) != 1:
            raise TypeError("_tee expected 1 argument, got %d" % len(args))
        it = iter(args[0])
        if isinstance(it, _tee):
            self._source = it._source
            self._link = it._link
        else:
            # a shared [iterator] and a linked list of [value, next] cells
            self._source = [it]
            self._link = [None, None]

    def __next__(self):
        nxt = self._link[1]
        if nxt is None:
            value = next(self._source[0])
            nxt = [value, None]
            self._link[1] = nxt
        self._link = nxt
        return nxt[0]

    def __copy__(self):
        new = _tee.__new__(_tee)
        new._source = self._source
        new._link = self._link
        return new



def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    n = _as_index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    if hasattr(it, '__copy__'):
        first = it
    else:
        first = _tee(it)
    copyfunc = first.__copy__
    result = [first]
    for i in range(1, n):
        result.append(copyfunc())
    return tuple(result)


class zip_longest(_Iterator):
    """zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object

Return a zip_longest object whose .__next__() method returns a tuple where
the i-th element comes from the i-th iterable argument.  The .__next__()
method continues until the longest iterable in the argument sequence
is exhausted and then it raises StopIteration.  When the shorter iterables
are exhausted, the fillvalue is substituted in their place.  The fillvalue
defaults to None or can be specified by a keyword argument.
"""

    def __init__(self, *args, **kwargs):
        fillvalue = None
        if kwargs:
            if len(kwargs) != 1 or "fillvalue" not in kwargs:
                raise TypeError("zip_longest() got an unexpected keyword argument")
            fillvalue = kwargs["fillvalue"]
        self._its = [iter(a) for a in args]
        self._numactive = len(self._its)
        self._fillvalue = fillvalue

    def __next__(self):
        its = self._its
        if not its or self._numactive == 0:
            raise StopIteration
        result = []
        for i in range(len(its)):
            it = its[i]
            if it is None:
                item = self._fillvalue
            else:
                try:
                    item = next(it)
                except StopIteration:
                    self._numactive -= 1
                    if self._numactive == 0:
                        raise
                    item = self._fillvalue
                    its[i] = None
                except BaseException:
                    self._numactive = 0
                    raise
            result.append(item)
        return tuple(result)


# ---------------------------------------------------------------- combinatoric

def _product_gen(pools):
    n = len(pools)
    for pool in pools:
        if not pool:
            return
    indices = [0] * n
    yield tuple(pool[0] for pool in pools)
    while True:
        i = n - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple(pools[j][indices[j]] for j in range(n))


class product(_Iterator):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""

    def __init__(self, *args, **kwargs):
        repeat = 1
        if kwargs:
            for key in kwargs:
                if key != "repeat":
                    raise TypeError("'%s' is an invalid keyword argument for product()" % key)
            repeat = _as_index(kwargs["repeat"])
            if repeat < 0:
                raise ValueError("repeat argument cannot be negative")
        pools = [tuple(pool) for pool in args] * repeat
        self._gen = _product_gen(pools)

    def __next__(self):
        return next(self._gen)


def _combinations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def _r_arg(r):
    r = _as_index(r)
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


class combinations(_Iterator):
    """Return successive r-length combinations of elements in the iterable."""

    def __init__(self, *args, **kwargs):
        iterable, r = _parse("combinations", args, kwargs, ["iterable", "r"], 2)
        pool = tuple(iterable)
        self._gen = _combinations_gen(pool, _r_arg(r))

    def __next__(self):
        return next(self._gen)


def _cwr_gen(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_Iterator):
    """Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats."""

    def __init__(self, *args, **kwargs):
        iterable, r = _parse("combinations_with_replacement", args, kwargs,
                             ["iterable", "r"], 2)
        pool = tuple(iterable)
        self._gen = _cwr_gen(pool, _r_arg(r))

    def __next__(self):
        return next(self._gen)


def _permutations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


class permutations(_Iterator):
    """Return successive r-length permutations of elements in the iterable."""

    def __init__(self, *args, **kwargs):
        iterable, r = _parse("permutations", args, kwargs, ["iterable", "r"], 1)
        pool = tuple(iterable)
        if r is _NULL or r is None:
            r = len(pool)
        else:
            if not isinstance(r, int):
                raise TypeError("Expected int as r")
            if r < 0:
                raise ValueError("r must be non-negative")
        self._gen = _permutations_gen(pool, r)

    def __next__(self):
        return next(self._gen)
