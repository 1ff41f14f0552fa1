# Exercise (lesson 03): None is a single object.
def nothing():
    pass

r = nothing()
s = None
# predict: same(r, s) == ?
print(r is None)  # predict: output -> ?
