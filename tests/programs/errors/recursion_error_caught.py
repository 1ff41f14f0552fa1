import sys

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

limit = sys.getrecursionlimit()
print("limit", limit)
print("deepest successful call", depth(0))
sys.setrecursionlimit(100)
print("with limit 100:", depth(0))

def nested_level(n):
    if n == 0:
        return depth(0)
    return nested_level(n - 1)

print("starting 10 frames deeper:", nested_level(10))
try:
    def forever():
        forever()
    forever()
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
