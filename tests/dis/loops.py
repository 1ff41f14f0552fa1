total = 0
for i in range(10):
    if i % 2:
        continue
    if i > 7:
        break
    total += i
else:
    total = -1

n = 0
while n < 5:
    n += 1
else:
    print("done")

while True:
    n -= 1
    if n == 0:
        break


def f(items):
    for a, b in items:
        for c in b:
            if c:
                return c
    return None


for x in [1, 2, 3]:
    print(x)
