# time: timing a computation the usual way (elapsed time is positive)
import time

def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

start = time.perf_counter()
result = work(1000)
elapsed = time.perf_counter() - start
print(result, elapsed > 0, elapsed < 60)

deadline = time.monotonic() + 1.0
steps = 0
while time.monotonic() < deadline:
    time.sleep(0.3)
    steps += 1
print("steps before deadline:", steps)
ns0 = time.time_ns()
time.sleep(0.001)
print(time.time_ns() - ns0 >= 1000000)
print(int(time.time()) > 0, abs(time.time() - time.time_ns() / 1e9) < 5)
