def mean(values):
    assert values, "mean of empty list"
    return sum(values) / len(values)

print(mean([1, 2, 3]))
print(mean([]))
