# Exercise (lesson 09): attributes and bound methods hold references.
class Holder:
    pass


h = Holder()
payload = [1]
h.value = payload
# predict: refcount(payload) == 2
meth = payload.append
# predict: refcount(payload) == 3
del meth
# predict: refcount(payload) == 2
