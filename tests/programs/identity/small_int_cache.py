def make(text):
    return int(text)

for text in ["-6", "-5", "-1", "0", "1", "100", "255", "256", "257", "1000"]:
    a = make(text)
    b = make(text)
    print(text, a == b, a is b)

x = 200
y = 56
print("sum in cache", (x + y) is make("256"))
print("sum outside cache", (x + y + 1) is make("257"))
big = make("5000")
print("big + 0 is big", big + 0 is big)
small = make("7")
print("small + 0 is small", small + 0 is small)
print("small * 1 is small", small * 1 is small)
print("int(big) is big", int(big) is big)
lst = [make("300"), make("300")]
print("list items equal", lst[0] == lst[1], "identical", lst[0] is lst[1])
counts = [len("x" * n) for n in range(250, 260)]
pairs = [c is make(str(c)) for c in counts]
print(pairs)
neg = [-n for n in range(3, 8)]
print([v is make(str(v)) for v in neg])
