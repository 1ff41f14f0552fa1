# Lesson 03: identity, id(), `is` versus `==`
#
# Every object has an identity that never changes while the object is alive.
# id(obj) returns it as an integer (in CPython it is the memory address, so
# the number itself is meaningless to us and differs between runs: we only
# ever compare ids, never print them).
#
#   a is b    -> are these the same object?          (compares identities)
#   a == b    -> do these objects have equal values?  (calls __eq__)
#
# Two objects that are alive at the same time never share an id. But once an
# object is freed, its id may be handed to a new object.

print("== equal values, different objects ==")
a = [1, 2, 3]
b = [1, 2, 3]
c = a
print("a == b:", a == b, "| a is b:", a is b)
print("a == c:", a == c, "| a is c:", a is c)
print("id(a) == id(c):", id(a) == id(c), "| id(a) == id(b):", id(a) == id(b))

print()
print("== `==` can be anything a class says; `is` cannot be overridden ==")


class AlwaysEqual:
    def __eq__(self, other):
        return True


x = AlwaysEqual()
print("x == 5:", x == 5, "| x == 'hello':", x == "hello")
print("x is None:", x is None)
print("x == None:", x == None, "<- why `is None` is the right test")

print()
print("== NaN: containers check identity before equality ==")
nan = float("nan")
print("nan == nan:", nan == nan)
print("nan is nan:", nan is nan)
print("[nan] == [nan]:", [nan] == [nan], "(list comparison tries `is` first)")
print("nan in [nan]:", nan in [nan])
print("float('nan') in [nan]:", float("nan") in [nan], "(a different NaN object)")

print()
print("== ids can be reused after an object dies ==")
first = [0]
first_id = id(first)
del first                       # the list is freed right here
second = [0]
print("a new list got the freed list's id:", id(second) == first_id,
      "(CPython reuses the memory; not guaranteed by the language)")
alive1 = [0]
alive2 = [0]
print("two lists alive together share an id:", id(alive1) == id(alive2))

print()
print("== id(x) of a temporary ==")
print("id([]) == id([]):", id([]) == id([]),
      "(the first list is freed before the second is made)")
print("[] is []:", [] is [], "(both lists exist during the comparison)")
