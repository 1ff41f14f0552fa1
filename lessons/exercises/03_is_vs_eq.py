# Exercise (lesson 03): identity and equality.
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b)  # predict: output -> ?
print(a == c, a is c)  # predict: output -> ?
# predict: same(a, c) == ?
# predict: same(a, b) == ?
