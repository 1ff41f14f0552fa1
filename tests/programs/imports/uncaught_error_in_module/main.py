print("before")
import layer1
print("never")
