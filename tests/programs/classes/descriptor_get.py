class Verbose:
    def __init__(self, value):
        self.value = value
    def __get__(self, obj, objtype=None):
        print("  __get__", "instance" if obj is not None else "class", objtype.__name__)
        return self.value

class Host:
    attr = Verbose(42)

h = Host()
print(h.attr)
print(Host.attr)
h.attr = "instance value shadows a non-data descriptor"
print(h.attr)

class Data:
    def __get__(self, obj, objtype=None):
        return "data descriptor wins"
    def __set__(self, obj, value):
        print("  __set__", value)

class Host2:
    d = Data()

h2 = Host2()
h2.d = 5
h2.__dict__["d"] = "in instance dict"
print(h2.d)
