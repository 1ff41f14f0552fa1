# Lesson 18: measuring Python's own allocations with tracemalloc
#
# tracemalloc hooks into CPython's memory allocators and records every block
# allocated while tracing is on, together with the Python line that caused
# it. It can tell you:
#   * get_traced_memory() -> (current, peak): bytes currently allocated by
#     traced code, and the most that was ever allocated at once (the
#     high-water mark) since tracing started or since reset_peak();
#   * get_object_traceback(obj) -> where obj was allocated;
#   * snapshots, which can be compared to find the lines that grew.
#
# Byte counts include per-object headers and allocator details, so we print
# only relations: "at least", "more than", "peak >= current".
import linecache
import os
import tracemalloc

tracemalloc.start()
print("tracing:", tracemalloc.is_tracing())


def where(frame):
    """file basename, line number and source text of a traceback frame"""
    text = linecache.getline(frame.filename, frame.lineno).strip()
    return f"{os.path.basename(frame.filename)}:{frame.lineno}: {text}"


print()
print("== current and peak ==")
start_current, _ = tracemalloc.get_traced_memory()
blobs = [bytes(1000) for _ in range(1000)]       # about 1 MB of bytes objects
current, peak = tracemalloc.get_traced_memory()
print("current grew by at least 1,000,000 bytes:", current - start_current >= 1_000_000)
print("peak >= current:", peak >= current)
del blobs
current2, peak2 = tracemalloc.get_traced_memory()
print("after del: current dropped by at least 1,000,000:", current - current2 >= 1_000_000)
print("after del: the peak still remembers the blobs:", peak2 >= current)
tracemalloc.reset_peak()
current3, peak3 = tracemalloc.get_traced_memory()
print("after reset_peak(): peak is back near current:",
      peak3 >= current3 and peak3 - current3 < 100_000)

print()
print("== a temporary raises the peak but not current ==")
tracemalloc.reset_peak()
before, _ = tracemalloc.get_traced_memory()
total = sum(len(s) for s in [str(i) * 100 for i in range(5000)])
after, peak = tracemalloc.get_traced_memory()
print("sum computed:", total)
print("temporary list is gone, current barely changed:", after - before < 100_000)
print("but the peak saw it (>= 500,000 bytes above the start):", peak - before >= 500_000)

print()
print("== where was this object allocated? ==")

payload = bytes(5000)
tb = tracemalloc.get_object_traceback(payload)
print("payload was allocated at", where(tb[0]))
# It does not always know. Objects recycled from CPython's free lists (dicts,
# lists, tuples, floats reuse freed objects of their own type) were not
# malloc'ed while tracing:
d = {"fresh": "dict"}
print("traceback of a dict taken from the dict free list:",
      tracemalloc.get_object_traceback(d))


# And in CPython 3.11 an instance of an ordinary class (attributes stored
# inline, "managed dict") sits at an offset inside its memory block that
# get_object_traceback does not account for, so it answers None as well.
# A class with __slots__ has no such offset:
class Plain:
    pass


class Slotted:
    __slots__ = ("x",)


print("traceback of a Plain() instance:", tracemalloc.get_object_traceback(Plain()))
print("Slotted() instance found:", tracemalloc.get_object_traceback(Slotted()) is not None)

print()
print("== comparing snapshots finds the line that grew ==")
snap1 = tracemalloc.take_snapshot()
cache = [f"entry-{i}" * 10 for i in range(20000)]
snap2 = tracemalloc.take_snapshot()
this_file = tracemalloc.Filter(True, __file__)
diffs = snap2.filter_traces([this_file]).compare_to(
    snap1.filter_traces([this_file]), "lineno")
top = diffs[0]
print("biggest growth:", where(top.traceback[0]))
print("it grew by more than 1,000,000 bytes:", top.size_diff > 1_000_000)
print("and by at least 20000 blocks:", top.count_diff >= 20000)

print()
print("== statistics of a snapshot, grouped by line ==")
stats = snap2.filter_traces([this_file]).statistics("lineno")
print("largest line in the snapshot is the same one:",
      stats[0].traceback[0].lineno == top.traceback[0].lineno)
tracemalloc.stop()
print("tracing after stop():", tracemalloc.is_tracing())
