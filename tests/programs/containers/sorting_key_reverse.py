people = [("ann", 31, "nyc"), ("bob", 25, "sf"), ("cat", 31, "la"), ("dan", 25, "nyc")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
by_city = sorted(people, key=lambda p: p[2])
print([p[0] for p in by_city])
lst = [5, -3, 2, -8, 0]
lst.sort(key=abs)
print(lst)
lst.sort(reverse=True)
print(lst)
words = ["Banana", "apple", "Cherry", "apple"]
words.sort(key=str.lower)
print(words)
words.sort()
print(words)
stable = sorted([(1, "b"), (0, "a"), (1, "a"), (0, "b")], key=lambda t: t[0])
print(stable)
nested = [[3, 1], [1, 2], [1, 1], [2]]
print(sorted(nested), max(nested), min(nested))
try:
    [3, None, 1].sort()
except TypeError as e:
    print("TypeError:", e)
