print("before the error")
values = {"a": 1}
print(values["b"])
print("never printed")
