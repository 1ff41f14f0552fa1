# Exercise (lesson 02): del on a container slot.
inner = [0]
outer = [inner, inner]
# label: box = inner
del inner
# predict: refcount(outer) == ?
del outer[0]
# predict: alive(box) == ?
del outer[0]
# predict: alive(box) == ?
print(outer)  # predict: output -> ?
