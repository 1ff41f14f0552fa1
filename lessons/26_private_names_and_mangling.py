# Lesson 26: "private" names and name mangling
#
# Python has no truly private attributes. There are two conventions:
#   _name   a single underscore: "internal, please don't touch". Nothing
#           enforces it (except that `from module import *` skips it).
#   __name  two leading underscores (and at most one trailing underscore):
#           inside a class body, the COMPILER rewrites the identifier to
#           _ClassName__name. This "name mangling" keeps a class's internal
#           attributes from clashing with a subclass's attributes of the
#           same name. It is a compile-time text substitution, not access
#           control, and it applies to every identifier in the class body.


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self._audit = []           # convention only
        self.__balance = balance   # stored as _Account__balance

    def balance(self):
        return self.__balance


acct = Account("ann", 100)
print("== what the instance really stores ==")
print("attribute names:", sorted(vars(acct)))
print("acct.balance() =", acct.balance())
try:
    acct.__balance
except AttributeError as exc:
    print("acct.__balance from outside -> AttributeError:", exc)
print("the mangled name works (so it is not really private):", acct._Account__balance)
print("_audit is freely accessible:", acct._audit)

print()
print("== why: subclasses get their own copy of the name ==")


class Base:
    def __init__(self):
        self.__id = "base id"

    def base_id(self):
        return self.__id           # compiled as self._Base__id


class Child(Base):
    def __init__(self):
        super().__init__()
        self.__id = "child id"     # compiled as self._Child__id: no clash

    def child_id(self):
        return self.__id


c = Child()
print("attributes:", sorted(vars(c)))
print("c.base_id() =", c.base_id(), "| c.child_id() =", c.child_id())

print()
print("== dunder names (__x__) are never mangled ==")


class Sized:
    def __len__(self):
        return 3


print("len(Sized()) =", len(Sized()), "| '__len__' in Sized.__dict__:", "__len__" in vars(Sized))

print()
print("== mangling rewrites EVERY identifier in the class, even globals ==")
__limit = 42                       # a module-level name with two underscores


class Reader:
    def read_limit(self):
        return __limit             # compiled as _Reader__limit!


try:
    Reader().read_limit()
except NameError as exc:
    print("NameError:", exc)
_Reader__limit = "found via the mangled global name"
print("after defining _Reader__limit globally:", Reader().read_limit())

print()
print("== strings are not mangled: getattr/setattr see the raw name ==")


class Box:
    def __init__(self):
        self.__item = "thing"

    def get_by_string(self):
        return getattr(self, "__item", "missing")


print("getattr(self, '__item') inside the class:", Box().get_by_string())
print("getattr(box, '_Box__item'):", getattr(Box(), "_Box__item"))

print()
print("== leading underscores of the class name are stripped ==")


class _Hidden:
    def __init__(self):
        self.__x = 1


print("attributes of _Hidden():", sorted(vars(_Hidden())))

print()
print("== mangling also renames methods ==")


class Engine:
    def __start(self):
        return "started"

    def run(self):
        return self.__start()


print("Engine().run() =", Engine().run())
print("method names:", sorted(k for k in vars(Engine) if "start" in k or k == "run"))
