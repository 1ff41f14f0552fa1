def accumulator():
    total = 0
    while True:
        value = yield total
        print("  received", value)
        if value is None:
            break
        total += value
    return total

acc = accumulator()
print("primed:", next(acc))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration as e:
    print("finished with", e.value)

gen = accumulator()
try:
    gen.send(1)
except TypeError as e:
    print("TypeError:", e)

def running_avg():
    total, count, avg = 0, 0, None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count

r = running_avg()
next(r)
print([r.send(x) for x in [10, 20, 60]])
