# Exercise (lesson 02): del removes a name, not an object.
data = [1, 2]
alias = data
# label: the_list = data
del data
# predict: alive(the_list) == True
# predict: refcount(alias) == 1
del alias
# predict: alive(the_list) == False
