"""Regenerate testdata/list_sizes.txt: sys.getsizeof(list) in CPython 3.11 (64-bit).

Run from the repository root: python3 src/semantics/gen/gen_sizes.py
Each line is a scenario of ops; `size N` records sys.getsizeof after the previous op.
"""
import random
import sys

random.seed(8)
lines = []
for sc in range(400):
    ops = []
    n = random.randint(0, 45)
    r0 = random.random()
    if r0 < 0.35:
        lst = eval("[" + ",".join(["0"] * n) + "]")  # a display of n constants
        ops.append(f"display {n}")
    elif r0 < 0.7:
        lst = eval("[" + ",".join(["x"] * n) + "]", {"x": 0})  # non-constant items
        ops.append(f"display_var {n}")
    else:
        lst = []
    ops.append(f"size {sys.getsizeof(lst)}")
    for _ in range(random.randint(1, 60)):
        r = random.random()
        k = random.randint(0, 40)
        if r < 0.35:
            lst.append(0)
            ops.append("append")
        elif r < 0.5 and lst:
            lst.pop()
            ops.append("pop")
        elif r < 0.55:
            lst.insert(0, 0)
            ops.append("insert0")
        elif r < 0.6 and lst:
            lst.pop(0)
            ops.append("pop0")
        elif r < 0.67:
            lst.extend([0] * k)
            ops.append(f"extend_list {k}")
        elif r < 0.72:
            lst.extend(0 for _ in range(k))
            ops.append(f"extend_gen {k}")
        elif r < 0.76:
            lst = list([0] * k)
            ops.append(f"list_list {k}")
        elif r < 0.8:
            lst = list(0 for _ in range(k))
            ops.append(f"list_gen {k}")
        elif r < 0.83:
            m = random.randint(0, 3)
            lst = lst * m
            ops.append(f"repeat {m}")
        elif r < 0.85:
            lst.clear()
            ops.append("clear")
        elif r < 0.92 and lst:
            j = random.randint(0, len(lst))
            del lst[:j]
            ops.append(f"delslice {j}")
        else:
            continue
        ops.append(f"size {sys.getsizeof(lst)}")
    lines.append(";".join(ops))
with open("src/semantics/testdata/list_sizes.txt", "w") as f:
    f.write("\n".join(lines) + "\n")

# ---- dicts: testdata/dict_sizes.txt (same format; ins_s/ins_i insert a new str/int key)
lines = []
for sc in range(400):
    ops = []
    n = random.randint(0, 120)
    r0 = random.random()
    counter = [0]

    def fresh(s):
        counter[0] += 1
        return f"k{counter[0]}" if s else 10**6 + counter[0]

    if r0 < 0.3:
        keys = [fresh(True) for _ in range(n)]
        d = eval("{" + ",".join(f"{k!r}: x" for k in keys) + "}", {"x": 0})
        ops.append(f"display_s {n}")
    elif r0 < 0.6:
        keys = [fresh(False) for _ in range(n)]
        d = eval("{" + ",".join(f"{k!r}: x" for k in keys) + "}", {"x": 0})
        ops.append(f"display_i {n}")
    else:
        d = {}
    ops.append(f"size {sys.getsizeof(d)}")
    for _ in range(random.randint(1, 150)):
        r = random.random()
        if r < 0.35:
            d[fresh(True)] = 0
            ops.append("ins_s")
        elif r < 0.6:
            d[fresh(False)] = 0
            ops.append("ins_i")
        elif r < 0.95 and d:
            del d[random.choice(list(d))]
            ops.append("del")
        elif r >= 0.95:
            d.clear()
            ops.append("clear")
        else:
            continue
        ops.append(f"size {sys.getsizeof(d)}")
    lines.append(";".join(ops))
with open("src/semantics/testdata/dict_sizes.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
