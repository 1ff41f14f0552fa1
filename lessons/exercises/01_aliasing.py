# Exercise 01: two names, one list.
#
# Fill in every `?`, then run `pysim check 01_aliasing.py`.
a = [1, 2, 3]
b = a
# label: numbers = a
# predict: same(a, b) == ?
# predict: refcount(a) == ?
b.append(4)
print(len(a))  # predict: output -> ?
b = [1, 2, 3, 4]
# predict: same(a, b) == ?
print(a == b, a is b)  # predict: output -> ?
del a
# predict: alive(numbers) == ?
b = None
# predict: alive(numbers) == ?
