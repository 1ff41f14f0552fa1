# operator: itemgetter, attrgetter (dotted), methodcaller -- calls, reprs, errors
from operator import itemgetter, attrgetter, methodcaller

rows = [("bob", 30, "nyc"), ("ann", 25, "sf"), ("cy", 30, "la")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0)(rows[0]), itemgetter(0, 2)(rows[0]), itemgetter(slice(1, None))(rows[0]))
print(itemgetter("k")({"k": 1}), list(map(itemgetter(-1), rows)))
print(repr(itemgetter(1)), repr(itemgetter(1, "a")), repr(itemgetter(slice(0, 2))))

class Name:
    def __init__(self, first, last):
        self.first = first
        self.last = last
class Person:
    def __init__(self, first, last, age):
        self.name = Name(first, last)
        self.age = age
people = [Person("Ann", "Lee", 30), Person("Bob", "Kim", 25)]
print([p.age for p in sorted(people, key=attrgetter("age"))])
print(attrgetter("name.first")(people[0]), attrgetter("age", "name.last")(people[1]))
print(repr(attrgetter("name.first")), repr(attrgetter("a", "b.c")))

up = methodcaller("upper")
rep = methodcaller("replace", "a", "o")
split2 = methodcaller("split", ",", maxsplit=1)
print(up("abc"), rep("banana"), split2("a,b,c"))
print(repr(up), repr(rep), repr(split2))

def attempt(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", result)

attempt("itemgetter()", lambda: itemgetter())
attempt("attrgetter()", lambda: attrgetter())
attempt("attrgetter int", lambda: attrgetter(1))
attempt("attrgetter mixed", lambda: attrgetter("a", 2))
attempt("methodcaller()", lambda: methodcaller())
attempt("methodcaller int", lambda: methodcaller(5))
attempt("missing key", lambda: itemgetter(5)([1]))
attempt("missing attr", lambda: attrgetter("name.middle")(people[0]))
attempt("missing method", lambda: methodcaller("nope")(1))
