# heapq: heappush/heappop, heapify, heapreplace, heappushpop, nlargest/nsmallest
import heapq

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, h[0])
print([heapq.heappop(h) for _ in range(len(h))], h)
data = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 5), data)
print(heapq.heappushpop(data, 0), heapq.heappushpop(data, 10), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, [5, 1, 8, 3, 9, 2]))
people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 40), ("eve", 25)]
print(heapq.nlargest(2, people, key=lambda p: p[1]), heapq.nsmallest(3, people, key=lambda p: p[1]))
print(heapq.nlargest(1, [3, 7, 7]), heapq.nsmallest(10, [3, 1]), heapq.nlargest(0, [1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge(["b", "d"], ["a", "c"], key=str.upper)), list(heapq.merge([3, 1], [4, 2], reverse=True)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
heapq.heappush(tasks, (1, "coffee"))
while tasks:
    print(heapq.heappop(tasks))
for label, f in (("pop empty", lambda: heapq.heappop([])), ("replace empty", lambda: heapq.heapreplace([], 1)),
                 ("push tuple", lambda: heapq.heappush((), 1)), ("heapify str", lambda: heapq.heapify("abc"))):
    try:
        f()
    except (IndexError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)
