# Lesson 17: the memory high-water mark -- freeing is not giving back
#
# When CPython frees an object, its memory goes back to Python's own
# allocator (pymalloc), not straight back to the operating system. pymalloc
# gets memory from the OS in big *arenas* (1 MiB in CPython 3.11), cuts each
# arena into *pools* (16 KiB), and cuts each pool into equal-size *blocks*
# for small objects (up to 512 bytes). An arena goes back to the OS only when
# EVERY block in it is free. So:
#
#   * del / gc.collect() make memory reusable by Python, but the process
#     usually keeps it;
#   * if a few survivors are scattered over many arenas (fragmentation), the
#     process stays as big as it was at its peak;
#   * the operating system's record of the process's peak size (ru_maxrss)
#     never goes down.
#
# Exact byte counts depend on the machine and build, so this lesson prints
# only relations between measurements. Process size (RSS) is read from
# /proc/self/statm, which exists on Linux.
import gc
import resource


def rss_kib():
    """Resident set size of this process, in KiB (Linux)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() // 1024


def peak_rss_kib():
    """The OS high-water mark: the largest RSS this process has ever had."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


N = 500_000
base = rss_kib()
peak_before = peak_rss_kib()

print("== 1. allocate many small objects ==")
data = [(i, i) for i in range(N)]          # 500k small tuples + 500k ints
full = rss_kib()
grown = full - base
print("process grew by more than 20 MiB:", grown > 20 * 1024)

print()
print("== 2. free every other object: fragmentation ==")
for i in range(0, N, 2):
    data[i] = None
gc.collect()
half = rss_kib()
print("half of the objects are gone, yet the process is still >= 90% of",
      "its full size:", half - base >= 0.9 * grown)
print("(every arena still holds some survivors, so none can be released)")

print()
print("== 3. freed blocks are reused without asking the OS ==")
for i in range(0, N, 2):
    data[i] = (i, i)                       # same sizes as before
refill = rss_kib()
print("refilling the holes grew the process by less than 5% of step 1:",
      refill - full < 0.05 * grown)

print()
print("== 4. free everything: empty arenas go back to the OS ==")
del data
gc.collect()
after = rss_kib()
print("after del + gc.collect(), the process shrank:", after < full)
print("...and gave back most of what step 1 took:", after - base < 0.5 * grown)

print()
print("== 5. the high-water mark never goes down ==")
peak_after = peak_rss_kib()
print("peak RSS now >= peak RSS before the experiment:", peak_after >= peak_before)
print("peak RSS now >= RSS of step 1 (the peak remembers it):",
      peak_after >= full * 0.98)
print("current RSS is below the recorded peak:", after < peak_after)

print()
print("== 6. a big list's pointer array is one large block ==")
# Large blocks (over 512 bytes) bypass pymalloc and come from the C library,
# which hands big ones back to the OS as soon as they are freed.
before_big = rss_kib()
big = [None] * 5_000_000                   # ~40 MB: one array of pointers
with_big = rss_kib()
del big
without_big = rss_kib()
print("a 5-million-slot list grew the process:", with_big - before_big > 20 * 1024)
print("deleting it returned that memory at once:", without_big - before_big < 4 * 1024)
