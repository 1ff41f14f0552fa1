class Both:
    def __repr__(self):
        return "Both()"
    def __str__(self):
        return "a Both"

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr<>"

class OnlyStr:
    def __str__(self):
        return "just str"

b = Both()
print(b, str(b), repr(b))
print([b], (b,), {"k": b})
print("%s and %r" % (b, b))
print(f"{b} {b!r} {b!s}")
r = OnlyRepr()
print(r, str(r), [r])
s = OnlyStr()
print(s, format(s))
print(repr(s).startswith("<__main__.OnlyStr object at 0x"))

class BadRepr:
    def __repr__(self):
        return 42

try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)

class Formatted:
    def __format__(self, spec):
        return "Formatted[" + spec + "]"

print(f"{Formatted():>10}", format(Formatted(), "xyz"), "{:abc}".format(Formatted()))
