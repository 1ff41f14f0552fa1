import gc
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
before = gc.get_stats()[2]["collections"]
gc.collect()
print(gc.get_stats()[2]["collections"] - before)
l = []; l.append(l); del l
c0 = gc.get_stats()[0]["collected"]
gc.collect(0)
print(gc.get_stats()[0]["collected"] - c0)
