# Exercise (lesson 01): rebinding a name never changes the object.
x = [10]
y = x
x = x + [20]          # builds a new list, then rebinds x
# predict: same(x, y) == ?
print(y)  # predict: output -> ?
y += [30]             # += mutates a list in place
# predict: refcount(y) == ?
print(x, y)  # predict: output -> ?
