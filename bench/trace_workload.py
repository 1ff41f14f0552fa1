# The trace benchmark's workload: lists built and dropped, a dict of
# running totals, ints beyond the small-int cache — about 75 events per
# iteration. bench/trace_bench.rs sets N.
N = 1000


def work(n):
    data = []
    totals = {}
    for i in range(n):
        item = [i, i + 1]
        data.append(item)
        key = i % 100
        totals[key] = totals.get(key, 0) + i
        if len(data) > 50:
            data = []
    return totals


result = work(N)
print(len(result))
