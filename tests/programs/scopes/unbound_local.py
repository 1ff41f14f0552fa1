x = 10

def reads_then_assigns():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 5
    return x

print(reads_then_assigns())

def augmented():
    try:
        x += 1
    except UnboundLocalError as e:
        print("augmented:", e)

augmented()

def deleted_local():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        print("after del:", e)

deleted_local()

def free_var_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    z = 3
    return inner()

print(free_var_unbound())
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
