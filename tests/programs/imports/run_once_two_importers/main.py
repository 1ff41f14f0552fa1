import sys
import one
import two
import shared
print("one.shared is two.shared is shared:", one.shared is two.shared is shared)
shared.items.append("main")
print(shared.items)
import shared, shared
print("runs:", shared.runs)
