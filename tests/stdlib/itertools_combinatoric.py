# itertools: chain, product, permutations, combinations, accumulate, groupby,
# tee, zip_longest, starmap, filterfalse, compress, pairwise
import operator
from itertools import (chain, product, permutations, combinations,
                       combinations_with_replacement, accumulate, groupby, tee,
                       zip_longest, starmap, filterfalse, compress, pairwise, islice)

print(list(chain("ab", [1, 2], (), range(2))))
print(list(chain.from_iterable(["ab", "cd"])))
print(list(chain()))
ch = chain([1], 5)
print(next(ch))
try:
    next(ch)
except TypeError as e:
    print("TypeError:", e)

print(list(product("ab", range(2))))
print(list(product([0, 1], repeat=3)))
print(list(product()), list(product([], [1])))
print(list(permutations("abc")))
print(list(permutations(range(4), 2)))
print(list(permutations("ab", 3)), list(permutations("ab", 0)))
print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations("ab", 3)), list(combinations("ab", 0)))
print(list(combinations_with_replacement("abc", 2)))
print(list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 1)))

print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=0)), list(accumulate([])))
print(list(accumulate(["a", "b", "c"])))

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, len(list(g))) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = groupby("aabbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
groups = groupby("aaabbb")
k, g = next(groups)
print(k, next(g))
k, g2 = next(groups)
print(k, list(g2))

a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee("xyz", 3)
print(list(x), list(y), list(z))
print(tee([1], 0))
a, b = tee(range(3))
c, d = tee(a)
print(list(c), list(d), list(b))

print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest([1, 2], [3])))
print(list(zip_longest()))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(operator.add, [[1, 2], (3, 4)])))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, "", "a", None, []])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(compress("ABC", [1, 1, 1, 1, 1])))
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
print(list(islice(permutations(range(10)), 3)))

def attempt(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", result)

attempt("product repeat", lambda: product([1], repeat=-1))
attempt("product kw", lambda: product([1], foo=1))
attempt("perm r", lambda: permutations([1], -1))
attempt("perm r str", lambda: permutations([1], "a"))
attempt("comb r", lambda: combinations([1], -1))
attempt("comb no r", lambda: combinations([1]))
attempt("cwr r", lambda: combinations_with_replacement([1], -2))
attempt("acc add", lambda: list(accumulate([1, "a"])))
attempt("zip_longest int", lambda: zip_longest([1], 1))
attempt("tee n", lambda: tee([1], -1))
attempt("starmap item", lambda: list(starmap(len, [1])))
attempt("compress int", lambda: compress([], 1))
attempt("pairwise int", lambda: pairwise(1))
attempt("groupby int", lambda: groupby(1))
