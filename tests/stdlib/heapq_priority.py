# heapq: a priority queue with stable ordering, a running median, k-way merge
import heapq
import itertools

class PriorityQueue:
    def __init__(self):
        self.heap = []
        self.counter = itertools.count()
    def push(self, priority, item):
        heapq.heappush(self.heap, (priority, next(self.counter), item))
    def pop(self):
        priority, _, item = heapq.heappop(self.heap)
        return priority, item
    def __len__(self):
        return len(self.heap)

pq = PriorityQueue()
for prio, name in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "urgent too"), (3, "low too")]:
    pq.push(prio, name)
print([pq.pop() for _ in range(len(pq))])

def running_medians(values):
    low, high = [], []
    out = []
    for v in values:
        heapq.heappush(low, -heapq.heappushpop(high, v))
        if len(low) > len(high):
            heapq.heappush(high, -heapq.heappop(low))
        out.append(high[0] if len(high) > len(low) else (high[0] - low[0]) / 2)
    return out
print(running_medians([5, 15, 1, 3, 8, 7, 9, 10, 20, 2]))

def dijkstra(graph, start):
    dist = {start: 0}
    heap = [(0, start)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(heap, (nd, nxt))
    return dist
graph = {"a": [("b", 4), ("c", 1)], "b": [("d", 1)], "c": [("b", 2), ("d", 5)], "d": []}
print(sorted(dijkstra(graph, "a").items()))
print(heapq.nsmallest(4, range(100), key=lambda x: (x % 7, x)))
