words = ["apple", "bob", "cat", "apple", "dog"]
lengths = {w: len(w) for w in words}
print(lengths)
print({i: i * i for i in range(5) if i != 2})
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
print(sorted({len(w) for w in words}))
print(sorted({x % 4 for x in range(20)}))
print({x: [y for y in range(x)] for x in range(4)})
print({(i, j): i * j for i in range(2) for j in range(2)})
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print({w: c for w, c in counts.items() if c > 1})
s = {n * 2 for n in [1, 2, 2, 3]}
print(sorted(s), len(s))
print({k: v for k, v in zip("abc", range(3))})
