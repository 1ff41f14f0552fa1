d = {}
for k in ["zeta", "alpha", "mid"]:
    d[k] = len(k)
print(d, list(d))
d["alpha"] = 0
print(list(d))
del d["zeta"]
d["zeta"] = 9
print(list(d.items()))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
grouped = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    grouped.setdefault(word[0], []).append(word)
print(grouped)
inverted = {}
for k, v in counts.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
keys = sorted(counts, key=counts.get, reverse=True)
print(keys)
print({k: v for k, v in sorted(counts.items())})
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(nested, nested["a"]["b"].get("c"))
print({1: "int", "1": "str", (1,): "tuple", None: "none"})
