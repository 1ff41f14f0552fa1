def get_a():
    return "hello_world"

def get_b():
    return "hello_world"

class K:
    name = "hello_world"

print("identifier-like constants", get_a() is get_b(), get_a() is K.name)
x = "spam"
y = "spam"
print("same literal twice", x is y)
built = "".join(["sp", "am"])
print("built at runtime", built == x, built is x)
folded = "sp" + "am"
print("constant-folded", folded is x)
upper = "SPAM".lower()
print("method result", upper == x, upper is x)

class Obj:
    pass

o = Obj()
o.spam = 1
key = list(vars(o))[0]
print("attribute name", key is x)
d = {"spam": 1}
print("dict key literal", list(d)[0] is x)
s1 = "not an identifier!"
def get_c():
    return "not an identifier!"
print("non-identifier equal", s1 == get_c())
n1 = str(12345)
n2 = str(12345)
print("runtime numbers as strings", n1 == n2, n1 is n2)
fs = f"{x}"
print("f-string of a str", fs is x)
fs2 = f"{x}!"
print("f-string building", fs2 == "spam!", fs2 is f"{x}!")
