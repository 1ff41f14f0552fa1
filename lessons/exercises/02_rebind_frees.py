# Exercise (lesson 02): rebinding the last name frees the old object.
class Box:
    pass

b = Box()
# label: first = b
b = Box()
# label: second = b
# predict: alive(first) == ?
# predict: alive(second) == ?
b = None
# predict: alive(second) == ?
