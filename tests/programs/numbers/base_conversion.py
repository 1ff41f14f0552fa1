for n in [0, 5, 255, -255, 1024]:
    print(n, bin(n), oct(n), hex(n))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0o17", 0))
print(int("1010", 2), int("0b1010", 0), int("z", 36), int("  12  "), int("-101", 2))
print(int("10", 10), int("7", 8), int("Zz", 36))
print(0xFF, 0o17, 0b101, 1_000_000, 0x_ff)
print(format(10, "b"), format(10, "#b"), format(255, "04x"), format(-5, "b"))
for bad, base in [("12", 2), ("8", 8), ("", 10), ("0x", 16), ("1.5", 10), ("g", 16)]:
    try:
        int(bad, base)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(10, 2)
except TypeError as e:
    print("TypeError:", e)
