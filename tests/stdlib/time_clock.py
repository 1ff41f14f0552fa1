# time: clocks only move forward, sleep advances time, types and errors
# (prints only relations, never absolute times)
import time

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.25)
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
print(type(t0).__name__, type(p0).__name__, type(m0).__name__, type(time.time_ns()).__name__)
print(t1 > t0, p1 > p0, m1 > m0, t1 - t0 >= 0.25, p1 - p0 >= 0.25, m1 - m0 >= 0.25)
print(t0 > 1600000000, time.perf_counter_ns() > 0, time.monotonic_ns() > 0)
readings = [time.perf_counter() for _ in range(5)]
print(all(a < b for a, b in zip(readings, readings[1:])))
print(time.sleep(0), time.sleep(0.0))
for bad in (-1, "x", None):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
