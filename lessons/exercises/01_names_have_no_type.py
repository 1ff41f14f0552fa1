# Exercise (lesson 01): a name can refer to objects of any type.
thing = [1]
other = thing
thing = "text"
# predict: same(thing, other) == ?
print(type(thing).__name__, type(other).__name__)  # predict: output -> ?
thing = other
# predict: refcount(other) == ?
