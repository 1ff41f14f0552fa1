class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

def simple():
    z = T("z")
    a = T("a")
    m = T("m")
    print(" returning from simple")

simple()

def params(p1, p2):
    local = T("local")
    print(" returning from params")

params(T("arg1"), T("arg2"))

def slot_not_execution_order(flag):
    if flag:
        later = T("never")
    early = T("early")
    later = T("later")
    print(" returning; slots are flag, later, early")

slot_not_execution_order(False)

def keep_return_value():
    x = T("x")
    y = T("y")
    return y

r = keep_return_value()
print("kept", r.name)
del r

def nested_calls():
    outer = T("outer")
    simple()
    print(" back in nested_calls")

nested_calls()
print("done")
