# Exercise (lesson 09): a for loop's iterator holds the list.
numbers = [1, 2, 3]
for n in numbers:
    # predict: refcount(numbers) == 2
    pass
# predict: refcount(numbers) == 1
