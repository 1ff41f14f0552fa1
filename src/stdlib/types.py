"""Names for the types of built-in objects -- pysim's version of CPython 3.11's
Lib/types.py.

As in CPython, most names are just `type(...)` of a sample object, so in pysim
they are pysim's own builtin types: FunctionType, LambdaType, MethodType,
GeneratorType, ModuleType, BuiltinFunctionType, NoneType, ...  Names whose
sample pysim cannot produce (code objects, frames, descriptors of C slots,
`list[int]`, `int | str`) are simply left undefined.

Differences from CPython:
* SimpleNamespace is a class written in Python below (CPython's is
  `type(sys.implementation)`, written in C): same repr `namespace(a=1, b=2)`
  (the class name for subclasses, `namespace(...)` on recursion), same `==`,
  same "no positional arguments expected" error, and unhashable with the
  message naming 'types.SimpleNamespace'.
* MappingProxyType is `type(type.__dict__)` when that is a mapping proxy in
  pysim; coroutine(), CoroutineType, AsyncGeneratorType and GenericAlias are
  not provided (pysim has no async and no typing generics).
"""
import sys


def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)         # Same as FunctionType

try:
    CodeType = type(_f.__code__)
except AttributeError:
    pass

try:
    MappingProxyType = type(type.__dict__)
except AttributeError:
    pass


def _cell_factory():
    a = 1
    def f():
        nonlocal a
    return f.__closure__[0]


try:
    CellType = type(_cell_factory())
except (AttributeError, TypeError):
    pass


def _g():
    yield 1
GeneratorType = type(_g())


class _C:
    def _m(self): pass
MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)     # Same as BuiltinFunctionType

try:
    WrapperDescriptorType = type(object.__init__)
    MethodWrapperType = type(object().__str__)
    MethodDescriptorType = type(str.join)
    ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
except (AttributeError, KeyError):
    pass

ModuleType = type(sys)

try:
    raise TypeError
except TypeError as exc:
    try:
        TracebackType = type(exc.__traceback__)
        FrameType = type(exc.__traceback__.tb_frame)
    except AttributeError:
        pass

try:
    GetSetDescriptorType = type(FunctionType.__code__)
    MemberDescriptorType = type(FunctionType.__globals__)
except AttributeError:
    pass

EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

del sys, _f, _g, _C, _cell_factory  # Not for export


class SimpleNamespace:
    """A simple attribute-based namespace.

SimpleNamespace(**kwargs)"""

    def __init__(*args, **kwargs):
        if len(args) != 1:
            raise TypeError("no positional arguments expected")
        self = args[0]
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        cls = type(self)
        name = "namespace" if cls is SimpleNamespace else cls.__name__
        key = id(self)
        if key in _repr_running:
            return name + "(...)"
        _repr_running.add(key)
        try:
            parts = []
            for k, v in self.__dict__.items():
                if isinstance(k, str):
                    parts.append("%s=%r" % (k, v))
        finally:
            _repr_running.discard(key)
        return "%s(%s)" % (name, ", ".join(parts))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __reduce__(self):
        return (type(self), (), self.__dict__)

    def __hash__(self):
        # CPython: __hash__ is None; the message names the C type
        name = "types.SimpleNamespace" if type(self) is SimpleNamespace else type(self).__name__
        raise TypeError("unhashable type: '%s'" % name)

_repr_running = set()


# Provide a PEP 3115 compliant mechanism for class creation
def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)

def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        else:
            new_bases[i+shift:i+shift+1] = new_base
            shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)

def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass.

    Returns (metaclass, namespace, kwds) as a 3-tuple

    *metaclass* is the appropriate metaclass
    *namespace* is the prepared class namespace
    *kwds* is an updated copy of the passed in kwds argument with any
    'metaclass' entry removed. If no kwds argument is passed in, this will
    be an empty dict.
    """
    if kwds is None:
        kwds = {}
    else:
        kwds = dict(kwds) # Don't alter the provided mapping
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        if bases:
            meta = type(bases[0])
        else:
            meta = type
    if isinstance(meta, type):
        # when meta is a type, we first determine the most-derived metaclass
        # instead of invoking the initial candidate directly
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds

def _calculate_meta(meta, bases):
    """Calculate the most derived metaclass."""
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        # else:
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner

class DynamicClassAttribute:
    """Route attribute access on a class to __getattr__.

    This is a descriptor, used to define attributes that act differently when
    accessed through an instance and through a class.  Instance access remains
    normal, but access to an attribute through a class will be routed to the
    class's __getattr__ method; this is done by raising AttributeError.

    This allows one to have properties active on an instance, and have virtual
    attributes on the class with the same name.  (Enum used this between Python
    versions 3.4 - 3.9 .)

    Subclass from this to use a different method of accessing virtual attributes
    and still be treated properly by the inspect module. (Enum uses this since
    Python 3.10 .)

    """
    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        # next two lines make DynamicClassAttribute act the same as property
        self.__doc__ = doc or fget.__doc__
        self.overwrite_doc = doc is None
        # support for abstract methods
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        elif self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result



__all__ = [n for n in (
    'FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType', 'CellType',
    'GeneratorType', 'MethodType', 'BuiltinFunctionType', 'BuiltinMethodType',
    'WrapperDescriptorType', 'MethodWrapperType', 'MethodDescriptorType',
    'ClassMethodDescriptorType', 'ModuleType', 'TracebackType', 'FrameType',
    'GetSetDescriptorType', 'MemberDescriptorType', 'EllipsisType', 'NoneType',
    'NotImplementedType', 'SimpleNamespace', 'new_class', 'resolve_bases',
    'prepare_class', 'DynamicClassAttribute') if n in vars()]
