# Exercise (lesson 24): a decorator runs once, at def time.
def announce(func):
    print("decorating", func.__name__)
    return func


@announce
def greet():
    return "hi"


print(greet(), greet())  # predict: output -> ?
