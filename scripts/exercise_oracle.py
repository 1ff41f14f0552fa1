#!/usr/bin/env python3
"""CPython's answers to an exercise's questions, as JSON (one per question,
in file order; null where CPython cannot say without changing the program).

    python3 scripts/exercise_oracle.py lessons/exercises/01_aliasing.py

Used by tests/exercises.rs to cross-check the answers pysim reads off its
own run (see docs/exercises.md):

* `output ->`: the program runs with sys.stdout replaced by a writer that
  credits each write to the current line of every frame of the exercise file
  on the call stack (f_lineno), as pysim does.
* `refcount(x) ==` and `same(a, b) ==`: a second run replaces each marker line
  by a probe statement at the same line and indentation that records
  `sys.getrefcount(x) - 1` (the object's reference count without the probe's
  own argument) or `a is b`, the first time the line runs.
* `alive(label) ==`: null (CPython has no way to ask without a weak
  reference, which not every type supports).
"""
import builtins
import io
import json
import os
import re
import sys

MARKER = re.compile(r"#\s*(predict|label):(.*)$")


def questions(source):
    """(line, kind, args, standalone) for each predict marker, in order."""
    found = []
    for no, text in enumerate(source.splitlines(), 1):
        m = MARKER.search(text)
        if not m:
            continue
        standalone = text[:m.start()].strip() == ""
        if m.group(1) == "label":
            found.append((no, "label", [], standalone))
            continue
        body = m.group(2).strip()
        if body.startswith("output"):
            found.append((no, "output", [], standalone))
            continue
        head = body.split("==")[0].strip()
        name, _, rest = head.partition("(")
        args = [a.strip() for a in rest.rstrip(")").split(",")]
        found.append((no, name.strip(), args, standalone))
    return found


def run(path, source):
    saved_argv, saved_stdout = sys.argv[:], sys.stdout
    sys.argv = [path]
    try:
        code = compile(source, path, "exec")
        exec(code, {"__name__": "__main__", "__file__": path, "__builtins__": builtins})
    except BaseException:
        pass
    finally:
        sys.argv = saved_argv
        sys.stdout = saved_stdout


class LineWriter(io.TextIOBase):
    """Credits every write to the current line of each exercise frame."""

    def __init__(self, path, lines):
        self.path, self.lines, self.out = path, lines, {}

    def write(self, text):
        seen = set()
        f = sys._getframe(1)
        while f is not None:
            if f.f_code.co_filename == self.path and f.f_lineno in self.lines \
                    and f.f_lineno not in seen:
                seen.add(f.f_lineno)
                self.out[f.f_lineno] = self.out.get(f.f_lineno, "") + text
            f = f.f_back
        return len(text)


def main():
    path = os.path.abspath(sys.argv[1])
    source = open(path, encoding="utf-8").read()
    qs = [q for q in questions(source) if q[1] != "label"]
    lines = source.splitlines()

    # Run 1: output, credited per line.
    writer = LineWriter(path, {no for no, kind, _, _ in qs if kind == "output"})
    os.chdir(os.path.dirname(path))
    sys.path.insert(0, os.path.dirname(path))
    sys.stdout = writer
    run(path, source)

    # Run 2: probes for refcount and same.
    probed = list(lines)
    for k, (no, kind, args, standalone) in enumerate(qs):
        if not standalone:
            continue
        indent = lines[no - 1][: len(lines[no - 1]) - len(lines[no - 1].lstrip())]
        log = "__import__('builtins')._pysim_log.append"
        if kind == "refcount":
            stmt = f"{log}(({k}, __import__('sys').getrefcount({args[0]}) - 1))"
        elif kind == "same":
            stmt = f"{log}(({k}, {args[0]} is {args[1]}))"
        else:
            stmt = "pass"
        probed[no - 1] = indent + stmt
    for no, kind, _, standalone in questions(source):
        if kind == "label":
            text = lines[no - 1]
            probed[no - 1] = text[: len(text) - len(text.lstrip())] + "pass"
    builtins._pysim_log = []
    sys.stdout = io.StringIO()
    run(path, "\n".join(probed) + "\n")
    first = {}
    for k, value in builtins._pysim_log:
        first.setdefault(k, value)

    answers = []
    for k, (no, kind, _, _) in enumerate(qs):
        if kind == "output":
            text = writer.out.get(no)
            answers.append(None if text is None else
                           text[:-1].replace("\\", "\\\\").replace("\n", "\\n")
                           if text.endswith("\n") else
                           text.replace("\\", "\\\\").replace("\n", "\\n"))
        elif kind == "refcount" and k in first:
            answers.append(str(first[k]))
        elif kind == "same" and k in first:
            answers.append("True" if first[k] else "False")
        else:
            answers.append(None)
    sys.__stdout__.write(json.dumps(answers) + "\n")


if __name__ == "__main__":
    main()
