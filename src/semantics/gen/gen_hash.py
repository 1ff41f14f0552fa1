"""Regenerate testdata/hash.txt from CPython 3.11 (str/bytes under PYTHONHASHSEED=0).

Run from the repository root: python3 src/semantics/gen/gen_hash.py
Lines: kind TAB input TAB hash. tuple/frozenset inputs are the items' hashes.
"""
import os
import random
import struct
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})
random.seed(99)
rows = []
M = 2**61 - 1
ints = [0, 1, -1, -2, 2, M - 1, M, M + 1, -M, -M - 1, 2**61, 2**63 - 1, -(2**63), 2**64, 10**30, -(10**30),
        3**200, -(7**150), 2**122 - 2, -(2**61 - 2)] + [random.randint(-2**200, 2**200) for _ in range(200)]
for n in ints:
    rows.append(("int", f"i:{n:x}", hash(n)))
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 1e16, 1e300, 5e-324, 2.0**61, 2.0**62, -(2.0**61), 1e-300,
          float("inf"), float("-inf"), 3.14159, 2.0**-1074 * 3]
floats += [struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0] for _ in range(300)]
floats += [random.uniform(-1e6, 1e6) for _ in range(200)]
for x in floats:
    if x != x:
        continue
    rows.append(("float", f"f:{struct.unpack('<Q', struct.pack('<d', x))[0]:016x}", hash(x)))
strs = ["", "a", "abc", "é", "日本", "\U0001f600", "hello world", "x" * 100, "ÿ", "Āb", "a\U00010000"]
strs += ["".join(chr(random.choice([random.randint(32, 126), random.randint(0, 0xd7ff), random.randint(0xe000, 0x10ffff)]))
                 for _ in range(random.randint(1, 20))) for _ in range(100)]
for s in strs:
    rows.append(("str", s.encode().hex(), hash(s)))
for b in [b"", b"abc", bytes(range(256))] + [random.randbytes(random.randint(1, 30)) for _ in range(50)]:
    rows.append(("bytes", b.hex(), hash(b)))
elems = [0, 1, -1, 2.5, "a", (1, 2), None.__class__, 10**30, -2, ()]
for _ in range(200):
    t = tuple(random.choice([random.randint(-5, 5), random.random(), 10**random.randint(0, 40), "s" * random.randint(0, 3)])
              for _ in range(random.randint(0, 6)))
    rows.append(("tuple", ",".join(str(hash(x)) for x in t), hash(t)))
    fs = frozenset(t)
    rows.append(("frozenset", ",".join(str(hash(x)) for x in fs), hash(fs)))
rows.append(("tuple", "", hash(())))
rows.append(("frozenset", "", hash(frozenset())))
with open("src/semantics/testdata/hash.txt", "w") as f:
    for r in rows:
        f.write("\t".join(map(str, r)) + "\n")
