def documented(a, b=2, *args, c, **kw):
    "A docstring."
    local = 1
    return local

print(documented.__name__)
print(documented.__doc__)
print(documented.__defaults__, documented.__kwdefaults__)
print(documented.__code__.co_argcount, documented.__code__.co_kwonlyargcount)
print(documented.__code__.co_varnames)
documented.custom = "attribute on a function"
print(documented.custom)

def no_doc():
    pass

print(no_doc.__doc__)

class K:
    def meth(self):
        pass

print(K.meth.__name__, K.meth.__qualname__)

def outer():
    def inner():
        pass
    return inner

print(outer().__qualname__)
print((lambda: 0).__name__)
print(callable(documented), callable(1))
