def count_to(n):
    print("  start")
    i = 1
    while i <= n:
        print("  yielding", i)
        yield i
        i += 1
    print("  end")

g = count_to(2)
print(type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(count_to(3)))
print(sum(count_to(4)))
for v in count_to(1):
    print("loop", v)

def empty():
    return
    yield

print(list(empty()))
