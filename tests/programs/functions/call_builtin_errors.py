tests = [
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: abs(),
    lambda: abs("x"),
    lambda: int("abc"),
    lambda: "abc".split(1),
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: {}.get(),
    lambda: max(),
    lambda: max([]),
    lambda: sorted(1),
    lambda: isinstance(1),
    lambda: divmod(1),
    lambda: "x".join([1, 2]),
]
for i, t in enumerate(tests):
    try:
        t()
        print(i, "no error")
    except (TypeError, ValueError) as e:
        print(i, type(e).__name__ + ":", e)
