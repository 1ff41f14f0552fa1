# Lesson 10: object lifecycles -- when does an object die?
#
# An object lives exactly as long as something refers to it. Where the
# references come from decides the lifetime:
#
#   module variable  -> until rebound/deleted, or until the interpreter exits
#   function local   -> until the function returns (or the name is rebound)
#   attribute        -> as long as the owning object lives
#   closure variable -> as long as the inner function (its cell) lives
#   temporary        -> only while the expression that needs it is running
#
# Each Tracked object announces its own death in __del__, so the output
# shows exactly when CPython frees it.


class Tracked:
    def __init__(self, label):
        self.label = label
        print(f"   + {label} created")

    def __del__(self):
        print(f"   - {self.label} freed")


print("== module variable: lives until the end of the program ==")
forever = Tracked("module-level object")
print("(it is freed during interpreter shutdown, after the last line)")

print()
print("== function locals die when the function returns ==")


def work():
    local = Tracked("local")
    print("   work() is about to return")


work()
print("back in the caller")

print()
print("== returning a local keeps it alive ==")


def make():
    obj = Tracked("returned")
    return obj


kept = make()
print("caller holds it as `kept`:", kept.label)
kept = None
print("after kept = None")

print()
print("== attributes live as long as their owner ==")


class Owner:
    def __init__(self):
        self.part = Tracked("attribute")

    def __del__(self):
        print("   - owner freed (its attributes go right after)")


o = Owner()
print("del o ...")
del o
print("after del o")

print()
print("== closures keep captured variables alive ==")


def outer():
    captured = Tracked("captured by closure")

    def inner():
        return captured.label

    return inner


fn = outer()
print("outer() has returned, but inner() still sees:", fn())
print("dropping the closure ...")
fn = None
print("after fn = None")

print()
print("== temporaries die as soon as the expression is done with them ==")
print("label of a temporary:", Tracked("temporary").label)
size = len([Tracked("in a temporary list")])
print("len(...) returned", size)

print()
print("== `def f(x): del x` does not free the caller's object ==")


def drop(x):
    print("   drop: before del x")
    del x
    print("   drop: after del x")


mine = Tracked("caller's named object")
drop(mine)
print("caller still has it:", mine.label)
mine = None

print()
print("...but if the argument is a temporary, the parameter is its only")
print("reference (CPython 3.11 moves call arguments into the new frame),")
print("so here `del x` really frees it, inside the function:")
drop(Tracked("temporary argument"))
print("after drop(...)")

print()
print("== rebinding: the new object is built first, then the old one is freed ==")
slot = Tracked("old value")
slot = Tracked("new value")
print("slot now holds:", slot.label)
del slot

print()
print("last line of the program")
