# Exercise (lesson 04): string identity.
s = "hello"
t = "hel" + "lo"            # folded by the compiler into the constant "hello"
# predict: same(s, t) == True
u = "".join(["hel", "lo"])  # built at run time
# predict: same(s, u) == False
print(s == u)  # predict: output -> True
e = ""
f = str()
# predict: same(e, f) == True
