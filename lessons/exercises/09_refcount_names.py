# Exercise (lesson 09): every name is one reference.
obj = object()
# predict: refcount(obj) == ?
a = obj
b = obj
# predict: refcount(obj) == ?
del a
# predict: refcount(obj) == ?
