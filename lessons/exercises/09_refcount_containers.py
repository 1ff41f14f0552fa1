# Exercise (lesson 09): every container slot is one reference.
item = []
pair = [item, item]
d = {"key": item}
# predict: refcount(item) == ?
pair.clear()
# predict: refcount(item) == ?
