#!/usr/bin/env python3
"""Regenerate the expected outputs of tests/stdlib/*.py with python3's REAL stdlib.

Same conventions as tests/regen.py: each program runs as `python3 <name>.py` in
this folder with PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1,
PYTHONIOENCODING=utf-8 and no stdin; <name>.stdout is written. The programs must
exit 0 with an empty stderr (regen.py refuses otherwise), so pysim can run them
with its embedded pure-Python stdlib and compare stdout alone.

Usage:
  python3 tests/stdlib/regen.py             rewrite every <name>.stdout
  python3 tests/stdlib/regen.py NAME.py...  only these programs
  python3 tests/stdlib/regen.py --check     exit 1 if a committed .stdout differs
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 60
TOOLS = {"regen.py", "check_pure.py", "pure_launcher.py", "verify_random.py"}


def programs(args=()):
    if args:
        return [os.path.abspath(a) for a in args]
    return sorted(os.path.join(HERE, fn) for fn in os.listdir(HERE)
                  if fn.endswith(".py") and fn not in TOOLS)


def env():
    e = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    e["PYTHONHASHSEED"] = "0"
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    e["PYTHONIOENCODING"] = "utf-8"
    return e


def run(path, pure=False):
    """(stdout, stderr, exit code) of python3 on the program, real or pure stdlib."""
    cmd = [sys.executable]
    if pure:
        cmd.append(os.path.join(HERE, "pure_launcher.py"))
    cmd.append(os.path.basename(path))
    proc = subprocess.run(cmd, cwd=os.path.dirname(path), env=env(),
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=TIMEOUT)
    prefix = (os.path.dirname(path) + os.sep).encode()
    return (proc.stdout.replace(prefix, b""), proc.stderr.replace(prefix, b""),
            proc.returncode)


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    if sys.version_info[:2] != (3, 11):
        print("regen.py must run under CPython 3.11", file=sys.stderr)
        return 2
    bad = []
    for prog in programs(args):
        out, err, code = run(prog)
        rel = os.path.relpath(prog, os.getcwd())
        if err or code:
            print("%s: exit %d, stderr:\n%s" % (rel, code, err.decode()), file=sys.stderr)
            bad.append(rel)
            continue
        target = prog[:-3] + ".stdout"
        try:
            with open(target, "rb") as f:
                have = f.read()
        except FileNotFoundError:
            have = None
        if have == out:
            continue
        if check:
            bad.append(os.path.relpath(target, os.getcwd()))
        else:
            with open(target, "wb") as f:
                f.write(out)
            print("wrote", os.path.relpath(target, os.getcwd()))
    if not args:
        progs = {p[:-3] for p in programs()}
        for fn in os.listdir(HERE):
            if fn.endswith(".stdout") and os.path.join(HERE, fn[:-7]) not in progs:
                bad.append(fn + " (no program)")
    if bad:
        print("%d problem(s):" % len(bad))
        for b in bad:
            print("  " + b)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
