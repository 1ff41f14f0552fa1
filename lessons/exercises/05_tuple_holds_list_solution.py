# Exercise (lesson 05): an immutable tuple can hold a mutable list.
inner = [1]
t = (inner, 2)
inner.append(3)
print(t)  # predict: output -> ([1, 3], 2)
# predict: refcount(inner) == 2
