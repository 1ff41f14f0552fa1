for i in range(5):
    if i == 3:
        print("break at", i)
        break
    print("i =", i)
else:
    print("for-else not run")

for i in range(3):
    pass
else:
    print("for-else runs when no break, i =", i)

n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print("even", n)
else:
    print("while-else not run")

k = 3
while k:
    k -= 1
else:
    print("while-else runs, k =", k)

for outer in range(3):
    for inner in range(3):
        if inner == outer:
            break
    else:
        print("inner completed for outer", outer)
        continue
    print("inner broke for outer", outer)

for x in []:
    print("never")
else:
    print("empty loop else")

def find(items, target):
    for idx, item in enumerate(items):
        if item == target:
            return idx
    return -1

print(find("hello", "l"), find("hello", "z"))
