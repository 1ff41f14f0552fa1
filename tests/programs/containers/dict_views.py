d = {"one": 1, "two": 2, "three": 3}
keys = d.keys()
values = d.values()
items = d.items()
print(keys, values, items)
d["four"] = 4
print(list(keys), list(values), len(items))
print("one" in keys, 2 in values, ("two", 2) in items, ("two", 3) in items)
print(keys & {"one", "five"} == {"one"}, sorted(keys - {"one"}))
print(sorted(k for k in keys | {"zero"}))
for k, v in d.items():
    print(k, v)
del d["one"]
print(list(d))
try:
    for k in d:
        d["new"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(reversed(d)), list(reversed(d.values())))
print(dict(sorted(d.items(), key=lambda kv: kv[1], reverse=True)))
print({1: "a"}.keys() == {1: "b"}.keys(), {1: "a"}.items() == {1: "a"}.items())
