# Exercise (lesson 22): `global` rebinds the module's name.
counter = 0


def bump():
    global counter
    counter += 1


bump()
bump()
print(counter)  # predict: output -> ?
