# Exercise (lesson 22): assignment anywhere in a function makes the name local.
count = 10


def broken():
    try:
        print(count)
    except UnboundLocalError:
        print("UnboundLocalError")
    count = 1


broken()  # predict: output -> UnboundLocalError
