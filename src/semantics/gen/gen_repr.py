"""Regenerate testdata/str_repr.txt and testdata/bytes_repr.txt from CPython 3.11.

Run from the repository root: python3 src/semantics/gen/gen_repr.py
Each line: <hex of the utf-8 input> TAB <repr as CPython prints it>.
"""
import random

random.seed(7)
OUT = "src/semantics/testdata/"
strs = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "\\", "\n\r\t", "\x00\x01\x1f\x7f\x80\x9f\xa0\xad",
        "é", "日本", "\u200b", "\u2028", "\ufeff", "\U0001f600", "\U000e0001", "\U0010ffff", "\ud7ff",
        "\ue000", "\x85", "a'b\"c", " ", "\u3000", "\u0378", "\U0001F1E6", "\u00ff", "\u0100"]
for _ in range(3000):
    n = random.randint(1, 4)
    s = ""
    for _ in range(n):
        r = random.random()
        if r < 0.3:
            c = random.randint(0, 0x17f)
        elif r < 0.7:
            c = random.randint(0, 0xffff)
        else:
            c = random.randint(0, 0x10ffff)
        if 0xD800 <= c < 0xE000:
            c = 0x41
        s += chr(c)
    strs.append(s)
with open(OUT + "str_repr.txt", "w") as f:
    for s in strs:
        r = repr(s)
        assert "\t" not in r and "\n" not in r
        f.write(s.encode().hex() + "\t" + r + "\n")
bs = [b"", b"'", b'"', b"'\"", bytes(range(256))] + [bytes(random.randint(0, 255) for _ in range(4)) for _ in range(200)]
with open(OUT + "bytes_repr.txt", "w") as f:
    for b in bs:
        f.write(b.hex() + "\t" + repr(b) + "\n")
