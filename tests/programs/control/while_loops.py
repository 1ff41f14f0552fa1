n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)

a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)

stack = [1, [2, [3, [4]]]]
flat = []
while stack:
    item = stack.pop()
    if isinstance(item, list):
        stack.extend(item)
    else:
        flat.append(item)
print(flat)

count = 0
while True:
    count += 1
    if count >= 4:
        break
print("count", count)
i = 10
while i > 0:
    i -= 3
print("i", i)
digits = []
m = 9045
while m:
    m, d = divmod(m, 10)
    digits.append(d)
print(digits[::-1])
