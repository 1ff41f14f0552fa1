# Exercise (lesson 23): nonlocal rebinds the enclosing function's variable.
def outer():
    total = 0

    def add(n):
        nonlocal total
        total += n

    add(2)
    add(3)
    return total


print(outer())  # predict: output -> ?
