import sys
import counter
first = counter
first.value = "changed"
del sys.modules["counter"]
import counter
print("new module object:", counter is not first)
print("old keeps its state:", first.value, "| new:", counter.value)
print("old function still sees old globals:", first.get())
print("sys.modules has the new one:", sys.modules["counter"] is counter)
