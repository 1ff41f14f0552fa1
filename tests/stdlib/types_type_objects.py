# types: FunctionType, MethodType, GeneratorType, ... and new_class
import types
import sys

def f():
    pass
def g():
    yield 1
class C:
    def m(self):
        pass
print(type(f) is types.FunctionType, types.LambdaType is types.FunctionType, isinstance(lambda: 0, types.FunctionType))
print(isinstance(g(), types.GeneratorType), isinstance(C().m, types.MethodType), isinstance(C.m, types.MethodType))
print(isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType))
print(isinstance(sys, types.ModuleType), types.NoneType is type(None), types.EllipsisType is type(...))
print(types.NotImplementedType is type(NotImplemented), types.FunctionType.__name__, types.MethodType.__name__)
print(types.GeneratorType.__name__, types.ModuleType.__name__, types.BuiltinFunctionType.__name__)

bound = types.MethodType(lambda self, x: (self, x), "owner")
print(bound(5), bound.__self__)
class Greeter:
    pass
obj = Greeter()
obj.hello = types.MethodType(lambda self: "hi from " + type(self).__name__, obj)
print(obj.hello())
mod = types.ModuleType("fake", "doc text")
mod.value = 3
print(mod.__name__, mod.__doc__, mod.value, type(mod).__name__)

def body(ns):
    ns["x"] = 10
    ns["double"] = lambda self: self.x * 2
Dyn = types.new_class("Dyn", (C,), {}, body)
print(Dyn.__name__, Dyn.__bases__[0].__name__, Dyn().double(), Dyn.x)
class Meta(type):
    pass
Other = types.new_class("Other", (), {"metaclass": Meta})
print(type(Other).__name__, types.resolve_bases((int, str)))
meta, ns, kw = types.prepare_class("P", (), {"metaclass": Meta, "flag": 1})
print(meta.__name__, ns, kw)
