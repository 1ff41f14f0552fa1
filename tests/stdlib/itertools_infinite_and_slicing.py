# itertools: count, cycle, repeat, islice, takewhile/dropwhile, argument errors
import itertools
from itertools import count, cycle, repeat, islice, takewhile, dropwhile

c = count()
print(next(c), next(c), next(c), repr(c))
print(list(islice(count(10, 5), 4)))
print(list(islice(count(0.5, 0.25), 5)))
c = count(3, 2.0)
print(repr(c), next(c), repr(c))
print(repr(count(0, True)), repr(count(start=7)), repr(count(1, -1)))
print(list(islice(cycle("abc"), 7)))
print(list(islice(cycle([]), 3)))
r = repeat("x", 3)
print(repr(r), r.__length_hint__(), list(r), repr(r))
print(list(repeat(1, -2)), repr(repeat([1, 2])))
print(list(map(pow, range(5), repeat(2))))
print(list(islice("ABCDEFG", 2)))
print(list(islice("ABCDEFG", 2, 4)))
print(list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)))
print(list(islice("ABCDEFG", None, None, 3)))
print(list(islice(range(10), 8, 3)))

# islice consumes only what it needs from a shared iterator
it = iter(range(10))
print(list(islice(it, 1, 7, 2)), next(it), list(it))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 2)), list(it))

print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
it = iter([1, 2, 10, 3, 4])
print(list(takewhile(lambda x: x < 5, it)), list(it))

def attempt(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", result)

attempt("islice(-1)", lambda: islice([], -1))
attempt("islice(-5)", lambda: islice([], -5))
attempt("islice(-1, 2)", lambda: islice([], -1, 2))
attempt("islice(1.5)", lambda: islice([], 1.5))
attempt("islice step 0", lambda: islice([], 0, 5, 0))
attempt("islice step -1", lambda: islice([], 0, 5, -1))
attempt("islice 1 arg", lambda: islice([]))
attempt("islice 5 args", lambda: islice([], 1, 2, 3, 4))
attempt("islice int", lambda: islice(5, 2))
attempt("count str", lambda: count("a"))
attempt("count step str", lambda: count(1, "a"))
attempt("repeat()", lambda: repeat())
attempt("repeat times str", lambda: repeat(1, "a"))
attempt("repeat hint", lambda: repeat(1).__length_hint__())
attempt("cycle int", lambda: cycle(1))
attempt("takewhile int", lambda: takewhile(bool, 1))
print(isinstance(count(), itertools.count), iter(c) is c)
