data = [1, 5, 2, 8, 3]
print([y for x in data if (y := x * 2) > 5])
print(y)
pairs = [(1, "a"), (2, "b")]
print([f"{n}{s}" for n, s in pairs])
print({s: n for n, s in pairs})
nested = [((1, 2), 3), ((4, 5), 6)]
print([a + b + c for (a, b), c in nested])
print([first for first, *_ in [[1, 2], [3, 4, 5]]])
total = 0
sums = [total := total + v for v in range(5)]
print(sums, total)
print([d["k"] for d in [{"k": 1}, {"k": 2}]])
