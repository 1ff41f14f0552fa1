print(format(3.14159, ".2f"), format(42, "05d"), format(42, "x"), format("hi", "^6"), format(1234567, ","))
print(format(0.5, "%"), format(-1.5, "+.1f"), format(255, "#010b"), format(True), format(None))
print(chr(97), chr(8364), ord("a"), ord("€"), [ord(c) for c in "AZaz09"])
print(divmod(10, 3), divmod(-10, 3), divmod(10, -3), divmod(10.5, 3), divmod(0, 5))
print(round(2.5), round(3.5), round(-2.5), round(2.345, 2), round(12345, -3), round(0.5 + 1e-9))
print(abs(-0), abs(-7.25), max(-0.0, 0.0), min(0.0, -0.0))
print(repr(format(12, "")), format(12.0, ""), format(1e20, ""), format(1e-7, "g"))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    format(5, "q")
except ValueError as e:
    print("ValueError:", e)
