# The pure-Python half of pysim's weakref module (after CPython's
# Lib/weakref.py and Lib/_weakrefset.py, simplified): finalize,
# WeakValueDictionary, WeakKeyDictionary, WeakSet. Run in the namespace of
# the native part (ref, proxy, getweakrefcount, getweakrefs, ...).

ProxyTypes = (ProxyType, CallableProxyType)


class WeakMethod:
    """A weak reference to a bound method: alive while its object is.
    (CPython's is a `ref` subclass; this one only behaves like it.)"""

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        self_wr = ref(self)

        def _cb(arg):
            self = self_wr()
            if self is not None and callback is not None:
                callback(self)

        self._obj_ref = ref(obj, _cb)
        self._func_ref = ref(func, _cb)

    def __call__(self):
        obj = self._obj_ref()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return func.__get__(obj, type(obj))


class WeakValueDictionary:
    def __init__(self, other=(), **kw):
        self.data = {}
        selfref = ref(self)

        def remove(wr, key, selfref=selfref):
            self = selfref()
            if self is not None and self.data.get(key) is wr:
                del self.data[key]

        self._remove = remove
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        remove = self._remove
        self.data[key] = ref(value, lambda wr, key=key: remove(wr, key))

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        if o is None:
            return default
        return o

    def items(self):
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                yield k, v

    def keys(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k

    __iter__ = keys

    def values(self):
        for wr in list(self.data.values()):
            obj = wr()
            if obj is not None:
                yield obj

    def valuerefs(self):
        return list(self.data.values())

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=None, **kwargs):
        if other is not None:
            if hasattr(other, "items"):
                other = other.items()
            for key, o in other:
                self[key] = o
        for key, o in kwargs.items():
            self[key] = o

    def copy(self):
        new = WeakValueDictionary()
        for key, o in self.items():
            new[key] = o
        return new


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        selfref = ref(self)

        def remove(k, selfref=selfref):
            self = selfref()
            if self is not None:
                self.data.pop(k, None)

        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __setitem__(self, key, value):
        remove = self._remove
        k = id(key)
        if k in self.data:
            self.data[k] = (self.data[k][0], value)
        else:
            self.data[k] = (ref(key, lambda wr, k=k: remove(k)), value)

    def __getitem__(self, key):
        entry = self.data.get(id(key))
        if entry is None or entry[0]() is not key:
            raise KeyError(key)
        return entry[1]

    def __delitem__(self, key):
        del self.data[id(key)]

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        entry = self.data.get(id(key))
        return entry is not None and entry[0]() is key

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def get(self, key, default=None):
        entry = self.data.get(id(key))
        if entry is None or entry[0]() is not key:
            return default
        return entry[1]

    def items(self):
        for wr, value in list(self.data.values()):
            key = wr()
            if key is not None:
                yield key, value

    def keys(self):
        for wr, value in list(self.data.values()):
            key = wr()
            if key is not None:
                yield key

    __iter__ = keys

    def values(self):
        for wr, value in list(self.data.values()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return [wr for wr, value in self.data.values()]

    def pop(self, key, *args):
        entry = self.data.pop(id(key), None)
        if entry is None:
            if args:
                return args[0]
            raise KeyError(key)
        return entry[1]

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def update(self, dict=None, **kwargs):
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for key, value in dict:
                self[key] = value


class WeakSet:
    def __init__(self, data=None):
        self.data = {}
        selfref = ref(self)

        def remove(k, selfref=selfref):
            self = selfref()
            if self is not None:
                self.data.pop(k, None)

        self._remove = remove
        if data is not None:
            for item in data:
                self.add(item)

    def add(self, item):
        k = id(item)
        if k not in self.data:
            remove = self._remove
            self.data[k] = ref(item, lambda wr, k=k: remove(k))

    def discard(self, item):
        self.data.pop(id(item), None)

    def remove(self, item):
        if self.data.pop(id(item), None) is None:
            raise KeyError(item)

    def __iter__(self):
        for wr in list(self.data.values()):
            item = wr()
            if item is not None:
                yield item

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        wr = self.data.get(id(item))
        return wr is not None and wr() is item

    def __repr__(self):
        return "{%s}" % ", ".join(repr(x) for x in self) if self.data else "WeakSet()"


class finalize:
    """Class for finalization of weakrefable objects."""

    _registry = {}
    _shutdown = False
    _counter = 0
    _dirty = False
    _registered_with_atexit = False

    class _Info:
        pass

    def __init__(self, obj, func, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = finalize._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        finalize._counter += 1
        info.index = finalize._counter
        finalize._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in finalize._registry

    def _get_atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    def _set_atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    atexit = property(_get_atexit, _set_atexit)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @staticmethod
    def _select_for_exit():
        L = [(f, i) for (f, i) in finalize._registry.items() if i.atexit]
        L.sort(key=lambda item: item[1].index)
        return [f for (f, i) in L]

    @staticmethod
    def _exitfunc():
        reenable_gc = False
        try:
            if finalize._registry:
                import gc
                if gc.isenabled():
                    reenable_gc = True
                    gc.disable()
                pending = None
                while True:
                    if pending is None or finalize._dirty:
                        pending = finalize._select_for_exit()
                        finalize._dirty = False
                    if not pending:
                        break
                    f = pending.pop()
                    f()
        finally:
            finalize._shutdown = True
            if reenable_gc:
                gc.enable()
