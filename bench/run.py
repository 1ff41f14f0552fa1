#!/usr/bin/env python3
"""Benchmark runner: pysim vs python3.

Usage:
    python3 bench/run.py [--pysim PATH] [--runs N] [--filter NAME] [--json FILE]

For every bench/<name>.py (except this file and NOT_BENCHMARKS) it runs `PYSIM run prog.py` and
`python3 prog.py` interleaved N times, checks that both print exactly the same
output, and reports median wall times, the pysim/python3 ratio, the geometric
mean of the ratios and the worst ratio. Programs whose outputs differ (or that
fail) are reported as MISMATCH/ERROR and left out of the mean.

Targets: geometric mean <= 1.5 and worst ratio <= 3.0.
The exit status is 0 when every program matched and the targets hold, else 1.
"""

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_PYSIM = os.path.join("target", "release", "pysim")
GEOMEAN_TARGET = 1.5
WORST_TARGET = 3.0
TIMEOUT = 120  # seconds per single run
# Python files here that are not pysim-vs-python3 benchmarks:
# trace_workload.py is the trace recorder's workload (bench/trace_bench.rs),
# a few milliseconds long, so its ratio would only measure start-up.
NOT_BENCHMARKS = {"trace_workload"}


def list_programs(name_filter):
    progs = []
    for fn in sorted(os.listdir(BENCH_DIR)):
        if not fn.endswith(".py") or fn == "run.py" or fn.startswith("_"):
            continue
        name = fn[:-3]
        if name in NOT_BENCHMARKS:
            continue
        if name_filter and name_filter not in name:
            continue
        progs.append(name)
    return progs


def ensure_pysim(path, was_given):
    if os.path.exists(path):
        return path
    if was_given:
        sys.exit(f"error: pysim binary not found: {path}")
    print(f"{path} not found; running `cargo build --release` ...", file=sys.stderr)
    res = subprocess.run(["cargo", "build", "--release"], cwd=REPO_ROOT)
    if res.returncode != 0:
        sys.exit("error: cargo build --release failed")
    if not os.path.exists(path):
        sys.exit(f"error: cargo build --release succeeded but did not produce {path}")
    return path


def timed_run(cmd):
    """Run cmd in the bench dir; return (seconds, returncode, stdout, stderr)."""
    start = time.perf_counter()
    try:
        res = subprocess.run(cmd, cwd=BENCH_DIR, capture_output=True,
                             text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, "timeout", "", "timed out"
    elapsed = time.perf_counter() - start
    return elapsed, res.returncode, res.stdout, res.stderr


def bench_one(name, pysim, python, runs):
    prog = name + ".py"
    py_times, sim_times = [], []
    status = "ok"
    detail = ""
    for _ in range(runs):
        # Interleave: one python3 run, then one pysim run, and so on, so that
        # machine noise (other processes, thermal changes) hits both alike.
        t_py, rc_py, out_py, err_py = timed_run([python, prog])
        t_sim, rc_sim, out_sim, err_sim = timed_run([pysim, "run", prog])
        py_times.append(t_py)
        sim_times.append(t_sim)
        if rc_py != 0:
            status = "ERROR"
            detail = f"python3 exited {rc_py}: {err_py.strip()[-300:]}"
            break
        if rc_sim != 0:
            status = "ERROR"
            detail = f"pysim exited {rc_sim}: {err_sim.strip()[-300:]}"
            break
        if out_py != out_sim:
            status = "MISMATCH"
            detail = f"python3: {out_py.strip()[:200]!r}  pysim: {out_sim.strip()[:200]!r}"
            break
    py_med = statistics.median(py_times)
    sim_med = statistics.median(sim_times)
    return {
        "program": name,
        "status": status,
        "detail": detail,
        "python3_median": py_med,
        "pysim_median": sim_med,
        "ratio": sim_med / py_med if status == "ok" and py_med > 0 else None,
        "python3_times": py_times,
        "pysim_times": sim_times,
    }


def main():
    ap = argparse.ArgumentParser(description="Compare pysim and python3 on bench/*.py")
    ap.add_argument("--pysim", default=None,
                    help=f"path to the pysim binary (default {DEFAULT_PYSIM}, "
                         "built with cargo build --release if missing)")
    ap.add_argument("--runs", type=int, default=5, help="runs per program (default 5)")
    ap.add_argument("--filter", default=None,
                    help="only programs whose name contains this text")
    ap.add_argument("--json", default=None, help="write results to this JSON file")
    ap.add_argument("--python", default="python3", help="oracle interpreter (default python3)")
    args = ap.parse_args()
    if args.runs < 1:
        sys.exit("error: --runs must be at least 1")

    if args.pysim is None:
        pysim = ensure_pysim(os.path.join(REPO_ROOT, DEFAULT_PYSIM), False)
    else:
        pysim = ensure_pysim(os.path.abspath(args.pysim), True)

    progs = list_programs(args.filter)
    if not progs:
        sys.exit("error: no benchmark matches the filter")

    results = []
    for name in progs:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        results.append(bench_one(name, pysim, args.python, args.runs))

    print(f"\nRuns per program: {args.runs} (interleaved), times are wall-clock medians.\n")
    print("| program | python3 median (s) | pysim median (s) | ratio (pysim/python3) |")
    print("|---|---:|---:|---:|")
    for r in results:
        if r["status"] == "ok":
            ratio = f"{r['ratio']:.2f}"
        else:
            ratio = r["status"]
        print(f"| {r['program']} | {r['python3_median']:.3f} | "
              f"{r['pysim_median']:.3f} | {ratio} |")

    bad = [r for r in results if r["status"] != "ok"]
    for r in bad:
        print(f"\n{r['status']} in {r['program']}: {r['detail']}")

    ratios = [r["ratio"] for r in results if r["status"] == "ok"]
    summary = {"runs": args.runs, "pysim": pysim, "results": results,
               "geomean": None, "worst": None, "worst_program": None,
               "targets_hold": False, "failures": len(bad)}
    print()
    if ratios:
        geomean = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
        worst_r = max((r for r in results if r["status"] == "ok"),
                      key=lambda r: r["ratio"])
        worst = worst_r["ratio"]
        geo_ok = geomean <= GEOMEAN_TARGET
        worst_ok = worst <= WORST_TARGET
        print(f"Geometric mean ratio: {geomean:.2f} (target <= {GEOMEAN_TARGET}): "
              f"{'OK' if geo_ok else 'MISSED'}")
        print(f"Worst ratio: {worst:.2f} ({worst_r['program']}) "
              f"(target <= {WORST_TARGET}): {'OK' if worst_ok else 'MISSED'}")
        summary.update(geomean=geomean, worst=worst,
                       worst_program=worst_r["program"],
                       targets_hold=geo_ok and worst_ok)
    else:
        print("No program produced matching output; no ratios to summarize.")
    if bad:
        print(f"{len(bad)} program(s) excluded from the mean (MISMATCH/ERROR).")
    print(f"Targets hold over the {len(ratios)} matching program(s): "
          f"{'YES' if summary['targets_hold'] else 'NO'}")
    print(f"All {len(results)} program(s) matched python3: {'YES' if not bad else 'NO'}")

    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")
    return 0 if summary["targets_hold"] and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
