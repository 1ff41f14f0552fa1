# Exercise (lesson 03): identity and equality.
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b)  # predict: output -> True False
print(a == c, a is c)  # predict: output -> True True
# predict: same(a, c) == True
# predict: same(a, b) == False
