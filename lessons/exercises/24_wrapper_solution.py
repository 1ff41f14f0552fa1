# Exercise (lesson 24): the name now refers to the wrapper.
def twice(func):
    def wrapper():
        return func() * 2
    return wrapper


def three():
    return 3


original = three
three = twice(three)
# predict: same(three, original) == False
print(three())  # predict: output -> 6
