# Exercise (lesson 05): += on an int rebinds the name.
n = 1000
m = n
n += 1
# predict: same(n, m) == False
print(n, m)  # predict: output -> 1001 1000
