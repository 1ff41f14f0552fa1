print(hash(0), hash(1), hash(-1), hash(-2), hash(10 ** 20), hash(2 ** 61 - 1), hash(2 ** 61))
print(hash(True), hash(False), hash(-(2 ** 61)), hash(-(10 ** 30)))
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash((-1,)))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)), hash(()) == hash(()))
print(hash((1, (2, 3))) == hash((1, (2, 3))))
print(hash(1) == hash(1.0) == hash(True))
try:
    hash([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
d = {1: "int", 1.0: "float", True: "bool"}
print(d)
