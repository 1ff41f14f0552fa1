# Exercise (lesson 08): a default list is created once, at def time.
def collect(x, into=[]):
    into.append(x)
    return into


first = collect(1)
second = collect(2)
# predict: same(first, second) == True
print(second)  # predict: output -> [1, 2]
