# Exercise (lesson 09): every name is one reference.
obj = object()
# predict: refcount(obj) == 1
a = obj
b = obj
# predict: refcount(obj) == 3
del a
# predict: refcount(obj) == 2
