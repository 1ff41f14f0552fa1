# Exercise (lesson 22): a local name shadows the global one.
x = "global"


def show():
    x = "local"
    return x


print(show(), x)  # predict: output -> local global
