#!/usr/bin/env python3
"""Regenerate lessons/expected/ from python3 (CPython 3.11): never typed by hand.

Every lesson runs from its own folder, as tests/lessons.rs runs pysim:
single-file lessons as `python3 NN_name.py` from lessons/, folder lessons as
`python3 main.py` from lessons/NN_name/, with PYTHONHASHSEED=0,
PYTHONDONTWRITEBYTECODE=1, PYTHONIOENCODING=utf-8 and no stdin. For lesson
NAME (the file name without `.py`, or the folder name) this writes

  expected/NAME.stdout    always
  expected/NAME.stderr    only when stderr is non-empty
  expected/NAME.exitcode  only when the exit status is not 0

CPython makes the script path absolute; the lesson's folder is stripped from
both streams so tracebacks read `File "NAME.py"` as pysim prints them.

Usage:
  python3 lessons/regen.py           regenerate every expectation
  python3 lessons/regen.py --check   exit 1 listing expectations that differ
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected")
TIMEOUT = 120


def lessons():
    """(name, working folder, script) for every numbered lesson."""
    found = []
    for name in sorted(os.listdir(HERE)):
        if not name[:2].isdigit():
            continue
        path = os.path.join(HERE, name)
        if os.path.isdir(path):
            found.append((name, path, "main.py"))
        elif name.endswith(".py"):
            found.append((name[:-3], HERE, name))
    return found


def run(cwd, script):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, script], cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    prefix = (cwd + os.sep).encode()
    return (proc.stdout.replace(prefix, b""), proc.stderr.replace(prefix, b""),
            proc.returncode)


def expected_files(name, cwd, script):
    out, err, code = run(cwd, script)
    base = os.path.join(EXPECTED, name)
    return {
        base + ".stdout": out,
        base + ".stderr": err or None,
        base + ".exitcode": (b"%d\n" % code) if code else None,
    }


def main():
    check = "--check" in sys.argv[1:]
    if sys.version_info[:2] != (3, 11):
        print(f"lessons/regen.py needs CPython 3.11, this is {sys.version.split()[0]}",
              file=sys.stderr)
        return 2
    os.makedirs(EXPECTED, exist_ok=True)
    differ = []
    for name, cwd, script in lessons():
        for path, data in expected_files(name, cwd, script).items():
            old = open(path, "rb").read() if os.path.exists(path) else None
            if old == data:
                continue
            differ.append(os.path.relpath(path, HERE))
            if check:
                continue
            if data is None:
                os.remove(path)
            else:
                with open(path, "wb") as f:
                    f.write(data)
    if check:
        for p in differ:
            print("differs:", p)
        return 1 if differ else 0
    print(f"{len(lessons())} lessons, {len(differ)} expectation files updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
