# Lesson 17: the memory high-water mark -- freeing is not giving back
#
# When CPython frees an object, its memory goes back to Python's own
# allocator (pymalloc), not straight back to the operating system. pymalloc
# gets memory from the OS in big *arenas* (1 MiB in CPython 3.11), cuts each
# arena into *pools* (16 KiB), and cuts each pool into equal-size *blocks*
# for small objects (up to 512 bytes). An arena goes back to the OS only when
# EVERY block in it is free. So:
#
#   * del makes memory reusable *by Python*: the next object of the same
#     size gets the block the dead one had;
#   * if a few survivors are scattered over many arenas (fragmentation), the
#     process stays as big as it was at its peak;
#   * the highest memory use ever reached (the high-water mark) is what a
#     machine must provide, even if the program is small again afterwards.
#
# Process sizes depend on the machine, so this lesson measures Python's own
# bookkeeping instead: tracemalloc's (current, peak) byte counts, the number
# of pymalloc blocks in use (sys.getallocatedblocks()), and which address
# (id) a new object gets. It prints only relations that hold on every run.
import sys
import tracemalloc


class Point:
    """A small object: one pymalloc block."""

    def __init__(self, x, y):
        self.x = x
        self.y = y


N = 20_000

print("== 1. a freed block is reused by the next object of its size ==")
p = Point(1, 2)
old_address = id(p)
del p                                      # the block goes back to its pool
q = Point(3, 4)                            # same size: the same block again
print("the new Point got the dead Point's address:", id(q) == old_address)
print("(the memory never left Python: it waited in the pool's free list)")
del q

print()
print("== 2. blocks in use follow the objects, one by one ==")
blocks_before = sys.getallocatedblocks()
points = [Point(i, i) for i in range(N)]
blocks_full = sys.getallocatedblocks()
print(f"{N} Points use at least {N} more blocks:", blocks_full - blocks_before >= N)
for i in range(0, N, 2):
    points[i] = None                       # free every other Point
blocks_half = sys.getallocatedblocks()
print("freeing half of them gave back at least", N // 2, "blocks:",
      blocks_full - blocks_half >= N // 2)
print("...but the survivors sit in every pool, one block in two:")
print("   no pool is empty, so no arena can go back to the OS (fragmentation)")

print()
print("== 3. refilling the holes needs no new memory ==")
for i in range(0, N, 2):
    points[i] = Point(i, i)               # same size as the dead ones
blocks_refilled = sys.getallocatedblocks()
print("blocks in use are back where they were at the full size:",
      abs(blocks_refilled - blocks_full) < N // 100)
del points

print()
print("== 4. tracemalloc: current use and the high-water mark ==")
tracemalloc.start()
start, _ = tracemalloc.get_traced_memory()
big = [Point(i, i) for i in range(N)]
current_full, peak_full = tracemalloc.get_traced_memory()
print("current grew by at least 40 bytes per Point:",
      current_full - start >= 40 * N)
print("peak >= current:", peak_full >= current_full)
del big
current_after, peak_after = tracemalloc.get_traced_memory()
print("after del, current dropped back near the start:",
      current_after - start < (current_full - start) // 10)
print("...but the peak still remembers the big list:", peak_after >= current_full)
print("the peak never goes down by itself:", peak_after >= peak_full)

print()
print("== 5. reset_peak() starts a new high-water mark ==")
tracemalloc.reset_peak()
current_reset, peak_reset = tracemalloc.get_traced_memory()
print("after reset_peak(), the peak is today's use:",
      peak_reset - current_reset < (current_full - start) // 10)
small = [Point(i, i) for i in range(N // 10)]
current_small, peak_small = tracemalloc.get_traced_memory()
print("a smaller burst sets a smaller peak than the first one:",
      peak_small < peak_full)
del small
tracemalloc.stop()

print()
print("== 6. what to remember ==")
print("del frees objects for Python to reuse; the process keeps its peak size")
print("measure peaks (tracemalloc's peak), not just what is in use at the end")
