import sys, os
here = os.path.dirname(__file__)
sys.path.append(os.path.join(here, "lib"))
import lib.store
import store
print("two module objects:", store is not lib.store)
store.data.append(1)
print(store.data, lib.store.data)
print(store.__name__, lib.store.__name__)
print(store.__file__ == lib.store.__file__)
print(isinstance(store.Item(), lib.store.Item))
