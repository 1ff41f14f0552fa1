#!/usr/bin/env python3
"""Run every lesson and check its output.

Usage:
    python3 lessons/check.py [--pysim PATH] [--filter TEXT]

Each lesson runs from its own folder: single-file lessons as
`python3 NN_name.py` from lessons/, folder lessons as `python3 main.py` from
lessons/NN_name/. Every lesson runs twice with python3 and the two outputs
(stdout and stderr) must be identical and the exit status 0. With --pysim, the
lesson is also run as `PYSIM run FILE` and its output must match python3's.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def lessons(text):
    found = []
    for name in sorted(os.listdir(HERE)):
        if not name[:2].isdigit():
            continue
        path = os.path.join(HERE, name)
        if os.path.isdir(path):
            found.append((name, path, "main.py"))
        elif name.endswith(".py"):
            found.append((name, HERE, name))
    return [l for l in found if not text or text in l[0]]


def run(cmd, cwd):
    res = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120)
    return res.returncode, res.stdout, res.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pysim", default=None, help="also compare against this pysim binary")
    ap.add_argument("--filter", default=None, help="only lessons whose name contains this")
    args = ap.parse_args()
    pysim = os.path.abspath(args.pysim) if args.pysim else None
    passed = failed = 0
    for name, cwd, script in lessons(args.filter):
        first = run([sys.executable, script], cwd)
        second = run([sys.executable, script], cwd)
        problems = []
        if first[0] != 0:
            problems.append(f"python3 exited {first[0]}: {first[2].strip()[-300:]}")
        if first != second:
            problems.append("python3 output differs between two runs")
        if pysim and not problems:
            got = run([pysim, "run", script], cwd)
            if got[1] != first[1] or got[0] != 0:
                problems.append("pysim output differs from python3")
        if problems:
            failed += 1
            print(f"FAIL {name}: " + "; ".join(problems))
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
