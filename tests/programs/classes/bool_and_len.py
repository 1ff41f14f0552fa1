class Empty:
    def __len__(self):
        return 0

class Truthy:
    def __bool__(self):
        print("  __bool__")
        return True

class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 10

class Neither:
    pass

for obj in [Empty(), Truthy(), Both(), Neither()]:
    print(type(obj).__name__, bool(obj), "yes" if obj else "no", not obj)

print(Truthy() and "and-result")
print(Empty() or "or-result")

class BadBool:
    def __bool__(self):
        return 1

try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
while Empty():
    print("never")
print([x for x in [Empty(), Neither(), Both()] if x].__len__())
