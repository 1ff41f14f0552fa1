# Exercise (lesson 10): del of a parameter does not free the caller's object.
def forget(x):
    del x
    return "forgot"


data = [1, 2]
# label: the_data = data
print(forget(data))  # predict: output -> ?
# predict: alive(the_data) == ?
# predict: refcount(data) == ?
