# Exercise (lesson 05): += on a list mutates it.
a = [1]
b = a
a += [2]
# predict: same(a, b) == ?
print(b)  # predict: output -> ?
