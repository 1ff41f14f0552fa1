class Resource:
    def __del__(self):
        print("released")

def fail():
    r = Resource()
    raise ValueError("boom")

try:
    fail()
except ValueError as e:
    print("caught", e)
print("after")
