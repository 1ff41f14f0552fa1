import sys
import tracked
print("imported", type(tracked.thing).__module__)
obj = tracked.thing
del sys.modules["tracked"]
print("removed from sys.modules; module still bound here")
del tracked
print("module name deleted; obj keeps its Thing alive:", obj.name)
del obj
print("after del obj")
import tracked
print("re-imported")
sys.modules.pop("tracked")
tracked = None
print("end")
