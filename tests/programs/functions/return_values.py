def nothing():
    pass

def early(x):
    if x > 0:
        return "positive"
    return

def multiple():
    return 1, "two", [3]

def in_loop(items):
    for i in items:
        if i > 2:
            return i
    else:
        return "none found"

def finally_wins():
    try:
        return "try"
    finally:
        print("finally runs before return")

def finally_override():
    try:
        return "try"
    finally:
        return "finally"

print(nothing(), early(1), early(-1))
a, b, c = multiple()
print(a, b, c, multiple())
print(in_loop([1, 5, 9]), in_loop([1]))
print(finally_wins())
print(finally_override())
