# Exercise (lesson 07): who holds an argument during a call?
def inspect_me(obj):
    # predict: refcount(obj) == ?
    return obj


thing = [1, 2, 3]
# predict: refcount(thing) == ?
back = inspect_me(thing)
# predict: refcount(thing) == ?
