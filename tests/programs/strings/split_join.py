s = "  the quick  brown fox  "
print(s.split())
print(s.split(" "))
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1))
print("a,b,c".rsplit(",", 1))
print("line1\nline2\r\nline3\n".splitlines())
print("line1\nline2\n".splitlines(True))
print("".split(), "".split(","))
print("-".join(["x", "y", "z"]), "".join([]), ", ".join("abc"))
print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("no sep".partition("="))
words = "one two three".split()
print(" | ".join(w.upper() for w in words))
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
