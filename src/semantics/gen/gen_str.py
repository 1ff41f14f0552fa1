"""Regenerate testdata/str_methods.txt: str method results in CPython 3.11.

Run from the repository root: python3 src/semantics/gen/gen_str.py
Lines: method TAB self TAB args... TAB result. Values: s:<hex utf-8>,
i:<hex int>, n: (None), b:0/1 (bool), L<item>,<item>... (list/tuple),
!Kind:message (exception).
"""
import random

random.seed(21)


def enc(v):
    if v is None:
        return "n:"
    if isinstance(v, bool):
        return f"b:{int(v)}"
    if isinstance(v, int):
        return f"i:{v:x}"
    if isinstance(v, str):
        return "s:" + v.encode().hex()
    if isinstance(v, (list, tuple)):
        return "L" + ",".join(enc(x) for x in v)
    raise TypeError(v)


strs = ["", " ", "a", "abc", "  a b  c  ", "a,b,,c,", ",", "hello world", "\t\nx\x0b\x0cy\x1c\x1d\x1e\x1fz\x85 \u2028\u2029\u3000",
        "a\r\nb\rc\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l", "line\n", "\n\n", "ΣΑΣ ΟΔΟΣ σ.Σ", "ἀΣ'Σ", "AΣ", "Σ",
        "ǅungla ǆ ǈ", "ßtraße ﬁ ŉ", "İstanbul ı", "hello WORLD 123 ünïcödé", "they're bill's friends", "aaa", "aAaA",
        "١٢٣", "½²³", "ⅷ", "x\ty\tzz\t\n\tq", "01\t012\t0123\t", "-42", "+7", "ab", "日本語テキスト", "\U0001f600x\U0001d400",
        "_id1", "1id", "ℌ", "·", "a\u0300", "\u00ad", "A1 B2", "Hello World", "Hello world", "HELLO", "hello", "ǈ", "ǅ",
        "ab  cd\u3000ef", "mississippi", "ababab"]
subs = ["", "a", "b", "ab", "ss", "Σ", "\n", " ", ",", "zz", "日本"]
idx = [None, 0, 1, 2, -1, -2, 3, 5, 100, -100]
rows = []


def add(name, fn, *args):
    try:
        r = enc(fn())
    except Exception as e:  # noqa: BLE001
        r = f"!{type(e).__name__}:{e}"
    rows.append("\t".join([name] + [enc(a) for a in args] + [r]))


for s in strs:
    for m in ["upper", "lower", "casefold", "title", "capitalize", "swapcase", "isspace", "isalpha", "isalnum",
              "isdecimal", "isdigit", "isnumeric", "isascii", "isprintable", "isidentifier", "isupper", "islower",
              "istitle", "splitlines"]:
        add(m, getattr(s, m), s)
    add("splitlines_keep", lambda: s.splitlines(True), s)
    for w in [-1, 0, 3, 8, 15]:
        add("center", lambda: s.center(w, "*"), s, w)
        add("ljust", lambda: s.ljust(w, "é"), s, w)
        add("rjust", lambda: s.rjust(w, " "), s, w)
        add("zfill", lambda: s.zfill(w), s, w)
    for t in [-1, 0, 1, 4, 8]:
        add("expandtabs", lambda: s.expandtabs(t), s, t)
    for n in [-1, 0, 1, 3]:
        add("repeat", lambda: s * n, s, n)
    for chars in [None, "", " a", "abc,", "Σσ"]:
        add("strip", lambda: s.strip(chars), s, chars)
        add("lstrip", lambda: s.lstrip(chars), s, chars)
        add("rstrip", lambda: s.rstrip(chars), s, chars)
    for sep in [None, "", ",", " ", "ab", "s", "\n"]:
        for mx in [-1, 0, 1, 2]:
            add("split", lambda: s.split(sep, mx), s, sep, mx)
            add("rsplit", lambda: s.rsplit(sep, mx), s, sep, mx)
    for sub in subs:
        add("partition", lambda: s.partition(sub), s, sub)
        add("rpartition", lambda: s.rpartition(sub), s, sub)
        add("removeprefix", lambda: s.removeprefix(sub), s, sub)
        add("removesuffix", lambda: s.removesuffix(sub), s, sub)
        for new in ["", "XY"]:
            for cnt in [-1, 0, 1, 2]:
                add("replace", lambda: s.replace(sub, new, cnt), s, sub, new, cnt)
        for _ in range(6):
            a, b = random.choice(idx), random.choice(idx)
            for m in ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"]:
                add(m, lambda: getattr(s, m)(sub, a, b), s, sub, a, b)
with open("src/semantics/testdata/str_methods.txt", "w") as f:
    f.write("\n".join(rows) + "\n")
