# Exercise (lesson 04): small ints are cached, big ones computed at run time are not.
a = 256
b = int("256")
# predict: same(a, b) == ?
c = 257
d = int("257")
# predict: same(c, d) == ?
print(a is b, c is d, c == d)  # predict: output -> ?
