import gc
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")
g = gen()
next(g)
holder = [g]
holder.append(holder)
del g, holder
print("collecting")
print(gc.collect())
