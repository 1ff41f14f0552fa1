# Exercise (lesson 05): += on an int rebinds the name.
n = 1000
m = n
n += 1
# predict: same(n, m) == ?
print(n, m)  # predict: output -> ?
