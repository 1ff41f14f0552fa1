# Lesson 05: mutable versus immutable objects
#
# A mutable object (list, dict, set, most class instances) can change its
# value while keeping its identity. An immutable object (int, float, str,
# tuple, frozenset, bytes) can never change: every "modification" builds a
# new object and rebinds the name.
#
# `x += y` is the interesting case: for a list it mutates the list in place
# (list.__iadd__); for an int, str or tuple there is no in-place version, so
# it means `x = x + y`: a new object bound to the same name.

print("== += on an immutable int: a new object ==")
x = 1000
y = x
before = id(x)
x += 1
print("x:", x, "| y:", y, "| x kept its identity:", id(x) == before)

print()
print("== += on a mutable list: the same object, changed ==")
a = [1, 2]
b = a
before = id(a)
a += [3]
print("a:", a, "| b:", b, "| a kept its identity:", id(a) == before)

print()
print("== += on a tuple and a str: new objects ==")
t = (1, 2)
t_alias = t
t += (3,)
print("t:", t, "| t_alias:", t_alias, "| t is t_alias:", t is t_alias)
s = "ab"
s_alias = s
s += "c"
print("s:", s, "| s_alias:", s_alias, "| s is s_alias:", s is s_alias)

print()
print("== immutables refuse item assignment ==")
try:
    s[0] = "X"
except TypeError as exc:
    print("str item assignment -> TypeError:", exc)
try:
    t[0] = 99
except TypeError as exc:
    print("tuple item assignment -> TypeError:", exc)
print("methods return new objects: s.upper() =", s.upper(), "| s is still", s)

print()
print("== an immutable tuple can hold mutable objects ==")
pair = ([1], [2])
pair[0].append(100)        # the tuple is unchanged: it still holds the same list
print("pair after pair[0].append(100):", pair)
try:
    pair[1] += [200]       # the list IS extended, then the tuple store fails
except TypeError as exc:
    print("pair[1] += [200] -> TypeError:", exc)
print("...but the list was already extended:", pair)

print()
print("== only immutable (hashable) values can be dict keys or set members ==")
d = {}
d[(1, 2)] = "tuple key ok"
d["name"] = "str key ok"
print("dict with tuple and str keys:", d)
for bad in ([1, 2], {"k": 1}, (1, [2])):
    try:
        d[bad] = "no"
    except TypeError as exc:
        print("key", bad, "-> TypeError:", exc)
