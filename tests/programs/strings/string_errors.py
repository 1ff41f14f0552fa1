tests = [
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: "a" * "b",
    lambda: "a" - "b",
    lambda: "abc"[10],
    lambda: "abc".index("z"),
    lambda: int("12.5"),
    lambda: float("abc"),
    lambda: "x".nosuchmethod(),
    lambda: ord("ab"),
    lambda: chr(-1),
    lambda: "{0}".format(),
    lambda: "abc"[str(1)],
    lambda: "a" < 1,
    lambda: -"a",
]
for i, t in enumerate(tests):
    try:
        t()
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
