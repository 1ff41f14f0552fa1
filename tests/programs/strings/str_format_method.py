print("{} and {}".format("a", "b"))
print("{1} before {0}".format("zero", "one"))
print("{name} is {age}".format(name="Eve", age=7))
print("{0[1]} {1[key]} {2.real}".format([10, 20], {"key": "v"}, 5))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.2f} {:,} {:08.3f} {:+.1f}".format(2 / 3, 10 ** 6, 3.14159, 2.0))
print("{!r} {!s}".format("x", "y"))
print("{{}} {}".format("braces"))
print("{:{fill}{align}{w}}".format("mid", fill="-", align="^", w=9))
print(format(255, "x"), format(3.5, ".3e"), format("s", ">3"), format(12, ""))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
try:
    "{:d}".format("text")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
