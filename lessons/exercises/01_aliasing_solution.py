# Exercise (lesson 01): two names, one list.
# Fill in every `?`, then run `pysim check` on this file.
a = [1, 2, 3]
b = a
# predict: same(a, b) == True
# predict: refcount(a) == 2
b.append(4)
print(len(a))  # predict: output -> 4
b = [1, 2, 3, 4]
# predict: same(a, b) == False
print(a == b, a is b)  # predict: output -> True False
