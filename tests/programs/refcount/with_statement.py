import sys

class Manager:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("  enter", self.name, sys.getrefcount(self))
        return self
    def __exit__(self, exc_type, exc, tb):
        print("  exit", self.name, sys.getrefcount(self), exc_type is None)
        return False

m = Manager("m")
print("before", sys.getrefcount(m))
with m:
    print("inside with, no as", sys.getrefcount(m))
print("after", sys.getrefcount(m))
with m as alias:
    print("inside with as", sys.getrefcount(m))
print("after with as (alias stays)", sys.getrefcount(m))
del alias

class Other:
    def __init__(self, res):
        self.res = res
    def __enter__(self):
        return self.res
    def __exit__(self, *a):
        print("  exit other")

res = [1]
with Other(res) as r:
    print("resource", sys.getrefcount(res))
print("after other", sys.getrefcount(res))
with Manager("temp") as t:
    print("temporary manager", sys.getrefcount(t))
print("temp alias only", sys.getrefcount(t))
