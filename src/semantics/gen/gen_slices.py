"""Regenerate testdata/slices.txt: positions selected by list(range(n))[a:b:c] in CPython 3.11.

Run from the repository root: python3 src/semantics/gen/gen_slices.py
"""
import random

random.seed(5)
vals = [None, 0, 1, -1, 2, -2, 3, -3, 5, -5, 7, 10, -10, 100, -100, 2**63, -(2**63) - 1, 2**70, -(2**70)]
steps = [None, 1, -1, 2, -2, 3, -3, 0, 7, -7, 2**63, -(2**63), 2**70, -(2**70)]
rows = []
for n in [0, 1, 2, 3, 5, 10]:
    for a in vals:
        for b in vals:
            for c in steps:
                if random.random() < 0.25:
                    try:
                        r = ",".join(map(str, list(range(n))[a:b:c]))
                    except ValueError as e:
                        r = "!" + str(e)
                    rows.append(f"{n}\t{a}\t{b}\t{c}\t{r}")
with open("src/semantics/testdata/slices.txt", "w") as f:
    f.write("\n".join(rows) + "\n")
