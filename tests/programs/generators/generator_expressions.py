squares = (x * x for x in range(5))
print(type(squares).__name__)
print(next(squares), next(squares))
print(list(squares))
print(list(squares))
print(sum(x for x in range(101)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
pairs = list((i, j) for i in range(3) for j in range(i))
print(pairs)
evens = (n for n in range(10) if n % 2 == 0)
print(list(evens))
print(",".join(str(n) for n in range(4)))
print(sorted((c for c in "banana"), reverse=True))

def lazy(tag):
    print("  evaluating", tag)
    return tag

gen = (lazy(x) for x in [1, 2])
print("created")
print(next(gen))
data = [1, 2, 3]
g2 = (d * 10 for d in data)
data.append(4)
print(list(g2))
data = [100]
print("first iterable is bound at creation")
