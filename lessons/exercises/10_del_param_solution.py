# Exercise (lesson 10): del of a parameter does not free the caller's object.
def forget(x):
    del x
    return "forgot"


data = [1, 2]
# label: the_data = data
print(forget(data))  # predict: output -> forgot
# predict: alive(the_data) == True
# predict: refcount(data) == 1
