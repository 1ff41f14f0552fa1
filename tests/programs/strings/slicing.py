s = "Hello, World"
print(s[0], s[-1], s[7:], s[:5], s[-5:], s[:-7])
print(s[::2], s[1::2], s[::-1], s[-1:-6:-1])
print(repr(s[5:5]), repr(s[100:]), repr(s[-100:3]))
print(s[2:10:3], s[10:2:-3])
print(len(s), len(""), len("\n\t"))
try:
    s[50]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
word = "racecar"
print(word == word[::-1])
print("abc" * 3, 3 * "ab", "x" * 0 == "", "-" * 10)
print("ell" in s, "xyz" not in s, "" in s)
for i, ch in enumerate("abc"):
    print(i, ch, ord(ch))
