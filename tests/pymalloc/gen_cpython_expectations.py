"""Generate the CPython 3.11 expectations that tests/pymalloc.rs compares the
pymalloc model against. Run with CPython 3.11 (the oracle):

    python3 tests/pymalloc/gen_cpython_expectations.py

It writes, beside this script:

- cpython_patterns.txt: `name = value` lines. Each scenario drives the real
  allocator through ctypes (PyObject_Malloc/Realloc/Free) and records only
  robust, relative facts ("the next block is the one freed last", "the new
  pool is the pool just emptied"), never absolute addresses. Each scenario
  runs in several fresh interpreters and must give the same answers every
  time, or the script fails.
- cpython_debugmallocstats_*.txt: raw sys._debugmallocstats() output, which
  the Rust test parses and re-renders byte for byte.

The scenario functions here and in tests/pymalloc.rs must stay in step.
"""

import ctypes
import subprocess
import sys
from array import array
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = 5

POOL_SIZE = 1 << 14
POOL_OVERHEAD = 48

api = ctypes.pythonapi
M = api.PyObject_Malloc
M.restype, M.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
F = api.PyObject_Free
F.restype, F.argtypes = None, [ctypes.c_void_p]
R = api.PyObject_Realloc
R.restype, R.argtypes = ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_size_t]


def pool_of(addr):
    return addr & ~(POOL_SIZE - 1)


def pool_uint(pool, offset):
    """A `uint` field of struct pool_header: ref.count at 0, arenaindex at
    32, szidx at 36, nextoffset at 40, maxnextoffset at 44."""
    return ctypes.c_uint.from_address(pool + offset).value


def served_by_malloc(addr):
    """Is addr in glibc's brk heap (so not in a pymalloc arena)?"""
    with open("/proc/self/maps") as maps:
        for line in maps:
            if line.rstrip().endswith("[heap]"):
                lo, hi = (int(x, 16) for x in line.split()[0].split("-"))
                if lo <= addr < hi:
                    return True
    return False


def arena_counters():
    """(current, highwater) from sys._debugmallocstats(), read off fd 2."""
    import os
    import tempfile

    with tempfile.TemporaryFile() as tmp:
        saved = os.dup(2)
        try:
            os.dup2(tmp.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        tmp.seek(0)
        text = tmp.read().decode()
    values = {}
    for line in text.splitlines():
        if line.startswith("# arenas") and "=" in line:
            name, value = line.split("=")
            values[name.strip()] = int(value.strip().replace(",", ""))
    return values["# arenas allocated current"], values["# arenas highwater mark"]


def scenarios():
    out = {}

    # LIFO: a freed block is the next one handed out in its class.
    for n in (16, 128, 256, 512):
        p = M(n)
        F(p)
        out[f"lifo_single_{n}"] = M(n) == p
    out["id_of_temporary_objects_repeats"] = id(object()) == id(object())

    ps = [M(448) for _ in range(10)]
    for p in ps[2:8]:
        F(p)
    qs = [M(448) for _ in range(6)]
    out["lifo_multi_reverse_order"] = qs == list(reversed(ps[2:8]))

    # Request sizes in one class share blocks; other classes never do.
    p = M(400)
    F(p)
    out["same_class_other_size_reuses"] = M(390) == p
    p = M(400)
    F(p)
    out["next_class_reuses"] = M(401) == p

    # full -> used: a pool that gets a free block goes to the front of
    # usedpools, so the pool freed into last serves first.
    blocks = [M(512) for _ in range(200)]
    by_pool = {}
    for b in blocks:
        by_pool.setdefault(pool_of(b), []).append(b)
    full = [pl for pl, bs in by_pool.items() if len(bs) == 31]
    a, b = by_pool[full[0]][5], by_pool[full[1]][9]
    F(a)
    F(b)
    x, y = M(512), M(512)
    out["full_pool_freed_into_last_serves_first"] = x == b
    out["then_the_earlier_full_pool"] = y == a

    # used -> empty: the pool goes to its arena's freepools; the arena,
    # having been full, goes to the head of usable_arenas; so the next new
    # pool of any class is that pool, re-initialised for its new class.
    n = 200_000
    small = array("Q", (M(16) for _ in range(n)))
    target = pool_of(small[n // 2])
    mine = [s for s in small if pool_of(s) == target]
    out["whole_pool_owned"] = len(mine) == 1021
    for s in mine:
        F(s)
    while True:
        q = M(512)
        if pool_uint(pool_of(q), 0) == 1:  # ref.count == 1: a new pool
            break
    out["emptied_pool_is_next_new_pool"] = pool_of(q) == target
    out["new_pool_first_block_after_header"] = q - pool_of(q) == POOL_OVERHEAD
    out["new_pool_szidx"] = pool_uint(pool_of(q), 36)
    out["new_pool_nextoffset"] = pool_uint(pool_of(q), 40)
    out["new_pool_maxnextoffset"] = pool_uint(pool_of(q), 44)

    # Arenas: kept while any block lives in them, returned when empty.
    base, _ = arena_counters()
    n = 300_000
    many = array("Q", (M(16) for _ in range(n)))
    after_alloc, _ = arena_counters()
    for i, s in enumerate(many):
        if i % 1000:
            F(s)
    after_partial, _ = arena_counters()
    for i in range(0, n, 1000):
        F(many[i])
    after_all, highwater = arena_counters()
    out["allocating_grows_arenas"] = after_alloc > base
    out["every_1000th_block_keeps_all_arenas"] = after_partial == after_alloc
    out["freeing_all_returns_arenas"] = after_all < after_alloc
    out["at_most_one_empty_arena_kept"] = base <= after_all <= base + 1
    out["highwater_remembers_peak"] = highwater >= after_alloc

    # realloc (pymalloc_realloc).
    p = M(100)  # class of 112-byte blocks
    out["realloc_within_class_keeps_block"] = R(p, 112) == p
    out["realloc_shrink_less_than_quarter_keeps_block"] = R(p, 85) == p
    q = R(p, 84)
    out["realloc_shrink_by_quarter_moves"] = q != p
    r = R(q, 200)
    out["realloc_to_bigger_class_moves"] = r != q
    out["realloc_to_zero_goes_to_malloc"] = served_by_malloc(R(r, 0))
    p = M(128)
    R(p, 256)
    out["realloc_frees_old_block_after_copy"] = M(128) == p
    out["malloc_zero_goes_to_malloc"] = served_by_malloc(M(0))
    out["malloc_512_is_pymalloc"] = not served_by_malloc(M(512))
    out["malloc_513_goes_to_malloc"] = served_by_malloc(M(513))
    big = M(1000)
    shrunk = R(big, 16)
    out["large_realloc_to_small_stays_malloc"] = served_by_malloc(shrunk)
    out["large_realloc_shrinks_in_place"] = shrunk == big
    return out


def capture_stats(code):
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return proc.stderr


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11, the oracle")
    runs = []
    for _ in range(RUNS):
        proc = subprocess.run(
            [sys.executable, __file__, "--scenarios"],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(proc.stdout)
    if any(r != runs[0] for r in runs):
        sys.exit("scenarios disagree between runs: not robust enough\n" + "\n".join(runs))
    header = (
        "# Generated by gen_cpython_expectations.py from CPython "
        f"{sys.version.split()[0]}; do not edit by hand.\n"
    )
    (HERE / "cpython_patterns.txt").write_text(header + runs[0])

    (HERE / "cpython_debugmallocstats_startup.txt").write_text(
        capture_stats("import sys; sys._debugmallocstats()")
    )
    # Blocks of every class, most of them freed again: many arenas are
    # reclaimed, and the survivors are fragmented.
    churn = (
        "import ctypes, sys\n"
        "from array import array\n"
        "M = ctypes.pythonapi.PyObject_Malloc\n"
        "M.restype, M.argtypes = ctypes.c_void_p, [ctypes.c_size_t]\n"
        "F = ctypes.pythonapi.PyObject_Free\n"
        "F.restype, F.argtypes = None, [ctypes.c_void_p]\n"
        "ps = array('Q', (M(16 + 16 * (i % 32)) for i in range(400_000)))\n"
        "for p in ps[: len(ps) * 9 // 10]: F(p)\n"
        "sys._debugmallocstats()\n"
    )
    (HERE / "cpython_debugmallocstats_churn.txt").write_text(capture_stats(churn))


if __name__ == "__main__":
    if sys.argv[1:] == ["--scenarios"]:
        for name, value in scenarios().items():
            if isinstance(value, bool):
                value = str(value).lower()
            print(f"{name} = {value}")
    else:
        main()
