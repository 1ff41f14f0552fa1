#!/usr/bin/env python3
"""Regenerate the expected outputs of tests/programs/**/*.py using python3.

For every program <dir>/<name>.py this runs `python3 <name>.py` with <dir> as the
working directory, with
PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1, PYTHONIOENCODING=utf-8 and no stdin,
and writes:

  <name>.stdout    always
  <name>.stderr    only when stderr is non-empty
  <name>.exitcode  only when the exit code is non-zero (the number, newline-terminated)

Multi-file programs: every folder directly under tests/programs/imports/ is
one case; only its main.py is run (as `python3 main.py` from the case folder);
the other files are its modules and packages.

CPython 3.11 turns the script path into an absolute one, so its tracebacks read
`File "/abs/path/<dir>/<name>.py", line N`; regen.py removes the "<dir>/" prefix
from stdout and stderr so that expectations read `File "<name>.py", line N`
(what pysim prints for `pysim run <name>.py`) wherever the repository lives.

Usage:
  python3 tests/regen.py            regenerate every expectation
  python3 tests/regen.py PATH...    regenerate only these programs (or folders)
  python3 tests/regen.py --check    regenerate in memory; exit 1 listing every
                                    expectation file that differs from what
                                    python3 prints now
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
TIMEOUT = 20


IMPORTS = os.path.join(PROGRAMS, "imports")


def case_main(path):
    """The main.py of the multi-file case containing `path`, or None when
    `path` is not inside an imports/ case folder."""
    rel = os.path.relpath(os.path.abspath(path), IMPORTS)
    if rel == "." or rel.startswith(".."):
        return None
    return os.path.join(IMPORTS, rel.split(os.sep)[0], "main.py")


def find_programs(roots):
    found = []
    for root in roots:
        root = os.path.abspath(root)
        if os.path.isfile(root):
            if root.endswith(".py"):
                found.append(case_main(root) or root)
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for fn in sorted(filenames):
                if fn.endswith(".py"):
                    full = os.path.join(dirpath, fn)
                    main = case_main(full)
                    if main is None:
                        found.append(full)
                    elif os.path.isfile(main):
                        found.append(main)
    return sorted(set(found))


def run(path):
    env = dict(os.environ)
    for k in list(env):
        if k.startswith("PYTHON"):
            del env[k]
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(
        [sys.executable, os.path.basename(path)],
        cwd=os.path.dirname(path),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT,
    )
    # CPython (since 3.9) makes the script path absolute, so its tracebacks and
    # syntax errors read `File "/abs/dir/<name>.py"`. The expectations must not
    # depend on where the repository lives, and pysim reports the path it was
    # given (`<name>.py`), so strip the program's folder from both streams.
    prefix = (os.path.dirname(path) + os.sep).encode()
    return (proc.stdout.replace(prefix, b""), proc.stderr.replace(prefix, b""),
            proc.returncode)


def strip_folder(data, folder):
    """What run() does to python3's output, for other tools to reuse."""
    return data.replace((folder + os.sep).encode(), b"")


def expected_files(path):
    """Map of expectation file path -> bytes (None = the file must not exist)."""
    out, err, code = run(path)
    base = path[:-3]
    return {
        base + ".stdout": out,
        base + ".stderr": err if err else None,
        base + ".exitcode": (b"%d\n" % code) if code != 0 else None,
    }


def read(p):
    try:
        with open(p, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main(argv):
    check = "--check" in argv
    roots = [a for a in argv if a != "--check"] or [PROGRAMS]
    if sys.version_info[:2] != (3, 11):
        print("regen.py must run under CPython 3.11, not %s" % sys.version.split()[0],
              file=sys.stderr)
        return 2
    programs = find_programs(roots)
    differ = []
    for prog in programs:
        for fpath, want in expected_files(prog).items():
            have = read(fpath)
            if have == want:
                continue
            rel = os.path.relpath(fpath, os.getcwd())
            if check:
                differ.append(rel)
            elif want is None:
                os.remove(fpath)
                print("removed", rel)
            else:
                with open(fpath, "wb") as f:
                    f.write(want)
                print("wrote", rel)
    if check:
        # Expectation files without a program are stale too.
        if roots == [PROGRAMS]:
            progset = {p[:-3] for p in programs}
            for dirpath, dirnames, filenames in os.walk(PROGRAMS):
                for fn in filenames:
                    base, ext = os.path.splitext(fn)
                    if ext in (".stdout", ".stderr", ".exitcode") and \
                            os.path.join(dirpath, base) not in progset:
                        differ.append(os.path.relpath(os.path.join(dirpath, fn), os.getcwd()) +
                                      " (no program)")
        if differ:
            print("%d expectation file(s) differ from python3:" % len(differ))
            for d in sorted(differ):
                print("  " + d)
            return 1
        print("all expectations of %d programs match python3" % len(programs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
