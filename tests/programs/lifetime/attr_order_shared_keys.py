# Instance attributes are released in the order the class first saw each
# attribute name (CPython shares one key table between instances of a class),
# even though vars() lists them in per-instance insertion order.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

class Obj:
    pass

first = Obj()
first.a = T("first.a")
first.b = T("first.b")
first.c = T("first.c")
print("first:", list(vars(first)))
del first

second = Obj()
second.c = T("second.c")
second.b = T("second.b")
second.a = T("second.a")
print("second:", list(vars(second)))
del second

third = Obj()
third.b = T("third.b")
third.d = T("third.d")
third.a = T("third.a")
print("third:", list(vars(third)))
del third

fourth = Obj()
fourth.a = T("fourth.a")
fourth.b = T("fourth.b")
del fourth.a
fourth.a = T("fourth.a2")
print("fourth:", list(vars(fourth)))
del fourth
print("done")
