import importlib, sys
m = importlib.import_module("pkg.leaf")
print(m.__name__, m is sys.modules["pkg.leaf"])
top = __import__("pkg.leaf")
print("__import__ returns the top package:", top.__name__)
print("with a fromlist it returns the leaf:", __import__("pkg.leaf", fromlist=["x"]).__name__)
rel = importlib.import_module(".other", package="pkg")
print(rel.__name__)
rel2 = importlib.import_module("..leaf", package="pkg.sub")
print(rel2 is m)
try:
    importlib.import_module(".other")
except TypeError as e:
    print("TypeError:", e)
try:
    importlib.import_module("pkg.nothing")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
