transform = lambda v: v.upper()
print(transform("ok"))

class Broken:
    value = transform(42)
