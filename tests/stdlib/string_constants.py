# string: the constants and capwords
import string

for name in ("ascii_lowercase", "ascii_uppercase", "ascii_letters", "digits",
             "hexdigits", "octdigits", "punctuation", "whitespace", "printable"):
    value = getattr(string, name)
    print(name, len(value), repr(value))
print(string.capwords("hello   wide  world"), string.capwords("  a-b c-d  "), string.capwords("a-b c-d", "-"))
print(string.capwords(""), string.capwords("ÉCOLE élève"), string.capwords("x,y,z", ","))
word = "Hello, World! 42"
print([c for c in word if c in string.punctuation], sum(c in string.digits for c in word))
print("".join(c for c in word if c in string.ascii_letters).lower())
table = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[3:] + string.ascii_lowercase[:3])
print("caesar".translate(table))
print(all(c in string.printable for c in "tab\there"), "é" in string.printable)
print(sorted(n for n in string.__all__ if n != "Formatter"))
