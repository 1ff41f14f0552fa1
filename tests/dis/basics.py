x = 1
y = 2.5
z = x + y * 3 - -x
a = 1000
b = 1000
print(a is b)
s = "hello" + " " + "world"
t = (1, 2, 3)
n = None
big = 2 ** 100
notfolded = 'a' * 5000
neg = -5
inv = ~7
flag = not True
c = 3j + 1
del x
x = y = z
print(x, y, sep="-")
