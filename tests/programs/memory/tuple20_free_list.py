# CPython 3.11's tuple free lists keep tuples of 1..20 items, but only
# tuples of 1..19 items are taken from them again: a freed 20-item tuple's
# block waits on its list, so the next 20-item tuple gets a new address.
print(id(tuple(range(20))) == id(tuple(range(20))))
print(id(tuple(range(19))) == id(tuple(range(19))))
print(id(tuple(range(21))) == id(tuple(range(21))))
print(id(tuple(range(3))) == id(tuple(range(3))))
