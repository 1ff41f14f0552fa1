# Exercise (lesson 05): += on a tuple builds a new tuple.
a = (1,)
b = a
a += (2,)
# predict: same(a, b) == False
print(a, b)  # predict: output -> (1, 2) (1,)
