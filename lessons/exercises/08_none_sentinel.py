# Exercise (lesson 08): the None sentinel gives each call its own list.
def collect(x, into=None):
    if into is None:
        into = []
    into.append(x)
    return into


first = collect(1)
second = collect(2)
# predict: same(first, second) == ?
print(first, second)  # predict: output -> ?
