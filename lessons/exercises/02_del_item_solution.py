# Exercise (lesson 02): del on a container slot.
inner = [0]
outer = [inner, inner]
# label: box = inner
del inner
# predict: refcount(outer) == 1
del outer[0]
# predict: alive(box) == True
del outer[0]
# predict: alive(box) == False
print(outer)  # predict: output -> []
