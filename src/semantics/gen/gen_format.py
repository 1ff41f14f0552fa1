"""Regenerate testdata/format_spec.txt: format(value, spec) in CPython 3.11.

Run from the repository root: python3 src/semantics/gen/gen_format.py
Lines: value TAB spec TAB result (encoded as in gen_numeric.py).
"""
import random
import struct
import sys

sys.path.insert(0, "src/semantics/gen")
from gen_numeric import enc, run  # noqa: E402  (regenerates numeric tables too)

random.seed(11)
fills = ["", "<", ">", "^", "=", "*<", "x>", "0^", "é=", "0="]
signs = ["", "+", "-", " "]
zs = ["", "z"]
alts = ["", "#"]
zeros = ["", "0"]
widths = ["", "1", "8", "13", "20"]
groups = ["", ",", "_"]
precs = ["", ".0", ".1", ".3", ".10", ".17"]
int_types = ["", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "s", "E", "G", "F"]
float_types = ["", "e", "E", "f", "F", "g", "G", "n", "%", "d", "x"]
str_types = ["", "s", "d"]


def rand_spec(types):
    return (random.choice(fills) + random.choice(signs) + random.choice(zs) + random.choice(alts)
            + random.choice(zeros) + random.choice(widths) + random.choice(groups)
            + random.choice(precs) + random.choice(types))


ints = [0, 1, -1, 7, -42, 65, 255, -255, 1234, 1234567, -98765432, 10**20, -(10**25) - 1, 0x10ffff, 0x110000, 2**64]
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, 0.125, 1234.5678, -1234.5678, 1e16, 1e-5, 1e-7, 123456789.0,
          0.1 + 0.2, 1e22, 1e300, 5e-324, -0.001, float("inf"), float("-inf"), float("nan"), 3.14159, 2.675, 100.0, 9.995, 0.0001]
floats += [struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0] for _ in range(30)]
floats += [random.uniform(-1e5, 1e5) for _ in range(30)]
strs = ["", "a", "abc", "héllo", "日本語", "x" * 15]
rows = []
for v in ints:
    for _ in range(150):
        s = rand_spec(int_types)
        rows.append((enc(v), enc(s), run(lambda: format(v, s))))
for v in floats:
    for _ in range(80):
        s = rand_spec(float_types)
        rows.append((enc(v), enc(s), run(lambda: format(v, s))))
for v in strs:
    for _ in range(100):
        s = rand_spec(str_types)
        rows.append((enc(v), enc(s), run(lambda: format(v, s))))
fixed = [(1, "abc"), (1, ",_"), (1, "_,"), (1, "."), (1, "\x01"), (1, "99999999999999999999"), (1, ".99999999999999999999"),
         (1, "\u0663"), (1234, "010,"), (1234, "=^10,"), (-1234.5, "012,.2f"), (255, "#010x"), (-255, "#_b"),
         (65, "05c"), (1e16, "#"), (0.5, "%"), (123456789, "_x"), ("ab", "05"), ("abc", "x^6.2"), (12345.678, ",g"),
         (1e20, ",.2f"), (2.5, ".0"), (float("inf"), "%"), (-float("inf"), "z"), (-0.0, "z%"), (1.0, "#.0e"),
         (0.1 + 0.2, ".10"), (0.125, ".2f"), (2.5, ".0f"), (1.5, ".0f"), (0.375, ".2f"), (123.0, ".3"), (1.0, ""),
         (1.5, ".1000f"), (2.0**-1074, ".1100e"), (1 / 3, ".30g"), (1e300, ".400g"), (5e-324, ".800g"), (0.1, "#.900g")]
for v, s in fixed:
    rows.append((enc(v), enc(s), run(lambda: format(v, s))))
with open("src/semantics/testdata/format_spec.txt", "w") as f:
    for r in rows:
        f.write("\t".join(r) + "\n")
