import sys

class Holder:
    def __init__(self, data):
        self._data = data
    @property
    def data(self):
        return self._data
    @data.setter
    def data(self, value):
        print("  setter sees", sys.getrefcount(value))
        self._data = value

d1 = [1]
h = Holder(d1)
print("held", sys.getrefcount(d1))
x = h.data
print("via property", sys.getrefcount(d1), x is d1)
d2 = [2]
h.data = d2
print("after set", sys.getrefcount(d1), sys.getrefcount(d2))
print("instance", sys.getrefcount(h))
print("getter result temp", sys.getrefcount(h.data))
