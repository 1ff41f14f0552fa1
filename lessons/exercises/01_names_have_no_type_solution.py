# Exercise (lesson 01): a name can refer to objects of any type.
thing = [1]
other = thing
thing = "text"
# predict: same(thing, other) == False
print(type(thing).__name__, type(other).__name__)  # predict: output -> str list
thing = other
# predict: refcount(other) == 2
