# Allocation churn: many small, short-lived tuples, lists and dicts are
# allocated and freed right away (no cycles, so reference counting frees
# them immediately). Stresses the small-object allocator (pymalloc model:
# size classes, pools, free lists) and refcount decrement paths.

def main():
    total = 0
    window = [None] * 64
    for i in range(900000):
        t = (i, i + 1, i + 2)
        l = [i, t]
        d = {"a": i, "b": l}
        total += t[2] + len(l) + d["a"]
        pair = (t, l)
        window[i & 63] = pair         # keeps 64 recent objects alive
        if i % 5 == 0:
            big = [i] * (i % 40)
            total += len(big)
        s = (i % 13,) * (i % 9)
        total += len(s)
    alive = 0
    for p in window:
        alive += p[0][0]
    print("alloc_churn checksum:", total, alive)


main()
