# Exercise (lesson 01): rebinding a name never changes the object.
x = [10]
y = x
x = x + [20]          # builds a new list, then rebinds x
# predict: same(x, y) == False
print(y)  # predict: output -> [10]
y += [30]             # += mutates a list in place
# predict: refcount(y) == 1
print(x, y)  # predict: output -> [10, 20] [10, 30]
