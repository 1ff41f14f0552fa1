# A tiny module for lesson 29. Its top-level code prints a line, so we can
# see exactly when (and how often) the module body runs.
print("   [greeting.py body is running]")

times_greeted = 0
shared_list = []


def greet(name):
    global times_greeted
    times_greeted += 1
    return f"hello, {name}"
