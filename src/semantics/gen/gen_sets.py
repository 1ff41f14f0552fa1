"""Regenerate testdata/set_scenarios.txt: set iteration orders in CPython 3.11.

Run from the repository root: python3 src/semantics/gen/gen_sets.py
Each line is one scenario: ops separated by ';', each op's tokens by spaces.
Integers are the keys (hash(int) as in CPython). Ops:
  new D x...      D = set([x...])          display D x...   D = {x...}
  add D x | discard D x | pop D -> expected popped value as 3rd token
  clear D | copy D S | or D A B | and D A B | sub D A B | xor D A B
  ior A B | iand A B | isub A B | ixor A B | andlist D A x... (A & list)
  check D x...    expected iteration order of D
"""
import random

random.seed(17)
pool = list(range(-3, 40)) + [2**61 - 1, 2**61, 2**62 + 5, -(2**40), 10**20, -(10**19), 1 << 33, 123456789, -1, -2]
lines = []
for sc in range(300):
    sets = {}
    ops = []

    def check(d):
        ops.append("check " + d + "".join(f" {x}" for x in sets[d]))

    names = ["a", "b", "c"]
    for n in names:
        k = random.choice([0, 1, 3, 5, 8, 12, 20, 40])
        xs = [random.choice(pool) if random.random() < 0.5 else random.randint(-500, 500) for _ in range(k)]
        if random.random() < 0.5:
            sets[n] = set(xs)
            ops.append(f"new {n}" + "".join(f" {x}" for x in xs))
        else:
            sets[n] = set(xs)  # BUILD_SET adds items in order, same as set(list)
            ops.append(f"display {n}" + "".join(f" {x}" for x in xs))
        check(n)
    for _ in range(random.randint(5, 40)):
        r = random.random()
        d, a, b = random.choice(names), random.choice(names), random.choice(names)
        x = random.choice(pool) if random.random() < 0.5 else random.randint(-500, 500)
        if r < 0.3:
            sets[d].add(x)
            ops.append(f"add {d} {x}")
        elif r < 0.5:
            sets[d].discard(x)
            ops.append(f"discard {d} {x}")
        elif r < 0.55:
            if sets[d]:
                ops.append(f"pop {d} {sets[d].pop()}")
        elif r < 0.57:
            sets[d].clear()
            ops.append(f"clear {d}")
        elif r < 0.62:
            sets[d] = sets[a].copy()
            ops.append(f"copy {d} {a}")
        elif r < 0.67:
            sets[d] = sets[a] | sets[b]
            ops.append(f"or {d} {a} {b}")
        elif r < 0.72:
            sets[d] = sets[a] & sets[b]
            ops.append(f"and {d} {a} {b}")
        elif r < 0.77:
            sets[d] = sets[a] - sets[b]
            ops.append(f"sub {d} {a} {b}")
        elif r < 0.82:
            sets[d] = sets[a] ^ sets[b]
            ops.append(f"xor {d} {a} {b}")
        elif r < 0.86:
            sets[a] |= sets[b]
            ops.append(f"ior {a} {b}")
        elif r < 0.90:
            sets[a] &= sets[b]
            ops.append(f"iand {a} {b}")
        elif r < 0.94:
            sets[a] -= sets[b]
            ops.append(f"isub {a} {b}")
        elif r < 0.97:
            sets[a] ^= sets[b]
            ops.append(f"ixor {a} {b}")
        else:
            xs = [random.randint(-50, 50) for _ in range(random.randint(0, 10))]
            sets[d] = sets[a] & xs if False else sets[a].intersection(xs)
            ops.append(f"andlist {d} {a}" + "".join(f" {x}" for x in xs))
        check(ops[-1].split()[1])
    for n in names:
        check(n)
    lines.append(";".join(ops))
big = set(range(100))
for i in range(0, 100, 3):
    big.discard(i)
lines.append("new a" + "".join(f" {x}" for x in range(100)) + ";" + ";".join(f"discard a {i}" for i in range(0, 100, 3))
             + ";check a" + "".join(f" {x}" for x in big) + ";copy b a;check b" + "".join(f" {x}" for x in big.copy()))
with open("src/semantics/testdata/set_scenarios.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
