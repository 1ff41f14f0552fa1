"""Regenerate testdata/printf.txt: `fmt % args` in CPython 3.11.

Run from the repository root: python3 src/semantics/gen/gen_printf.py
Lines: fmt (hex utf-8) TAB args TAB result, where args is T|v|v... (tuple),
S|v (single non-tuple value) or D|key=v|... (a dict of str keys), each v
encoded as in gen_numeric.py, plus b:0/b:1 for bools and n: for None.
"""
import random
import struct
import sys

sys.path.insert(0, "src/semantics/gen")
from gen_numeric import enc as enc_num  # noqa: E402

random.seed(3)


def enc(v):
    if v is None:
        return "n:"
    if isinstance(v, bool):
        return f"b:{int(v)}"
    return enc_num(v)


def enc_args(a):
    if isinstance(a, tuple):
        return "T" + "".join("|" + enc(v) for v in a)
    if isinstance(a, dict):
        return "D" + "".join(f"|{k.encode().hex()}={enc(v)}" for k, v in a.items())
    return "S|" + enc(a)


def result(fmt, args):
    try:
        return enc_num(fmt % args)
    except Exception as e:  # noqa: BLE001
        return f"!{type(e).__name__}:{e}"


values = [0, 1, -1, 42, -255, 65, 0x10ffff, 0x110000, 10**30, -(10**20), 3.5, -0.0, 2.5, 1e16, 1e-7, 1234.5678,
          float("inf"), float("nan"), -1e300, "", "a", "abc", "é", "it's", "ab\n", True, False, None]
convs = list("sradiuoxXeEfFgGc") + ["%", "y", "é"]
flags = ["", "-", "+", " ", "#", "0", "-0", "+0", "#0", "- ", "+#"]
widths = ["", "1", "5", "12", "*"]
precs = ["", ".", ".0", ".2", ".5", ".*", ".12"]
rows = []
for _ in range(6000):
    conv = random.choice(convs)
    spec = "%" + random.choice(flags) + random.choice(widths) + random.choice(precs) + random.choice(["", "", "", "l"]) + conv
    nstar = spec.count("*")
    args = tuple(random.randint(-12, 12) if i < nstar else random.choice(values)
                 for i in range(nstar + 1))
    fmt = random.choice(["", "x", "<"]) + spec + random.choice(["", "|", "%%"])
    rows.append((fmt, args))
fixed = [("%f", ("x",)), ("%(a)s", (1,)), ("%(a", {"a": 1}), ("%5%", (1,)), ("%5%", ()), ("%", ()), ("%5", (1,)),
         ("%s %s", (1,)), ("%s", (1, 2)), ("hi", 5), ("hi", {}), ("hi", ()), ("%s", {"a": 1}), ("%(a)s %s", {"a": 1}),
         ("%(a)s", {"a": 1}), ("%s %(a)s", {"a": 2}), ("%(x)s %(x)r", {"x": "q"}), ("%(a)*d", {"a": 1}),
         ("%((a))s", {"(a)": 1}), ("%(a)5.1f|%(b)-4d|", {"a": 2.25, "b": 7}), ("%s", 5), ("%d", "x"), ("100%%", ()),
         ("%s%", (1,)), ("%.*s", (-3, "abc")), ("%*s|", (-5, "a")), ("%c", ("ab",)), ("%c", (1.5,)), ("%i", (2.9,)),
         ("%x", (1.5,)), ("%d", (float("inf"),)), ("%d", (float("nan"),)), ("%e", (10**400,)), ("%s", (10**5000,)),
         ("%d", (10**5000,)), ("%x", (10**5000,)), ("%r", ("é\x00",)), ("%a", ("é\U0001f600",)), ("%-05d|", (-3,)),
         ("%#.5o", (8,)), ("%.3x", (-10,)), ("%+05.1f", (2.25,)), ("%(a)s", {}), ("%s %s %s", ("a", 2, 3.0))]
rows += fixed
with open("src/semantics/testdata/printf.txt", "w") as f:
    for fmt, args in rows:
        r = result(fmt, args)
        if r.startswith("!KeyError"):
            r = "!KeyError:" + str(r.split(":", 1)[1]).strip("'")
        f.write(f"{fmt.encode().hex()}\t{enc_args(args)}\t{r}\n")
