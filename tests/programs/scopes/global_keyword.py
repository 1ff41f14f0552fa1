counter = 0

def increment():
    global counter
    counter += 1
    return counter

print(increment(), increment(), counter)

def create_global():
    global created
    created = "made inside a function"

create_global()
print(created)

def read_only():
    return counter * 10

print(read_only())

def local_shadow():
    counter = 100
    return counter

print(local_shadow(), counter)

def nested_global():
    def inner():
        global counter
        counter = -1
    inner()

nested_global()
print("after nested global", counter)

def delete_global():
    global created
    del created

delete_global()
print("created" in globals())
