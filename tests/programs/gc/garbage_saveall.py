import gc
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
l = [1, 2]
l.append(l)
del l
print(gc.collect())
print(len(gc.garbage), gc.garbage[0][:2])
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
