# Exercise (lesson 06): a slice copy is shallow.
inner = [1]
original = [inner, 2]
copy = original[:]
# predict: same(original, copy) == False
first = copy[0]
# predict: same(first, inner) == True
inner.append(9)
print(copy)  # predict: output -> [[1, 9], 2]
