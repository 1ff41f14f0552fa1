data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}))
records = [("bob", 25), ("alice", 30), ("carl", 25)]
print(sorted(records, key=lambda r: (r[1], r[0])))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(list(reversed(data)), list(reversed("abc")), list(reversed((1, 2))))
print(min(data), max(data), min("hello"), max(words, key=len), min(words, key=len))
print(max([], default="empty"), min([3], default=0), max(1, 2, key=lambda x: -x))
print(max([(1, "b"), (1, "a")]), min([[2], [1, 5]]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    reversed({1: 2}.keys()) and print("dict keys are reversible")
except TypeError as e:
    print("TypeError:", e)
