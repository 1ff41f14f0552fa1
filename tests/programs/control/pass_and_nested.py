def noop():
    pass

class Empty:
    pass

print(noop(), Empty.__name__)
for i in range(2):
    pass
if True:
    pass
else:
    print("no")
result = []
for i in range(3):
    for j in range(3):
        if (i + j) % 2:
            continue
        for k in range(2):
            if k:
                break
            result.append((i, j, k))
print(result)
total = 0
i = 0
while i < 3:
    j = 0
    while j < 3:
        total += i * j
        j += 1
    i += 1
print(total)
x = 0
if x == 0:
    if x + 1 == 1:
        if x + 2 == 2:
            print("deeply nested")
