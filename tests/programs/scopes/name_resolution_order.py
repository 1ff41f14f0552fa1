def show():
    return "module show"

class Shadow:
    def show(self):
        return "method show, calls " + show()

print(Shadow().show())

def outer():
    def show():
        return "inner show"
    class Inner:
        def call(self):
            return show()
    return Inner().call()

print(outer())

def conditional_local(flag):
    if flag:
        val = "set"
    try:
        return val
    except UnboundLocalError:
        return "unbound"

print(conditional_local(True), conditional_local(False))

def loop_var_leaks():
    for k in range(3):
        pass
    return k

print("loop var after loop:", loop_var_leaks())

def except_name_cleared():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return "err is gone: " + str(e)

print(except_name_cleared())
