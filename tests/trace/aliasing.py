l1 = [1, 2]
l2 = l1
l1.append(1000 + 1)
del l1
t = (l2, "label")
print(len(l2))
del l2
del t
