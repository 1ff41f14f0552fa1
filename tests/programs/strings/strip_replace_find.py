s = "  xxhello worldxx  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr(s.strip().strip("x")), repr("xyzabczyx".strip("xyz")))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "aaa".replace("a", "bb"))
print("hello".replace("", "-"))
t = "abracadabra"
print(t.find("bra"), t.find("bra", 2), t.rfind("bra"), t.find("zzz"))
print(t.index("cad"), t.count("a"), t.count("bra"), t.count(""))
try:
    t.index("zzz")
except ValueError as e:
    print("ValueError:", e)
print(t.startswith("abr"), t.startswith(("x", "ab")), t.endswith("bra"), t.startswith("bra", 1))
print("Hello World".upper(), "Hello World".lower(), "hello world".title(), "hello world".capitalize())
print("Hello".swapcase(), "ß".upper(), "İ".lower() == "i̇")
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "   ".isspace(), "Title Case".istitle(), "abc".islower(), "ABC".isupper())
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(5))
print("a\tb".expandtabs(4), "removeprefix".removeprefix("remove"), "file.py".removesuffix(".py"))
