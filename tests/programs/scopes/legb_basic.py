x = "global x"

def outer():
    x = "enclosing x"
    def inner():
        x = "local x"
        print("inner sees", x)
    def inner2():
        print("inner2 sees", x)
    inner()
    inner2()
    print("outer sees", x)

outer()
print("module sees", x)

def uses_builtin():
    return len("abc")

def shadows_builtin():
    len = lambda s: "shadowed"
    return len("abc")

print(uses_builtin(), shadows_builtin(), len("abcd"))
len = lambda s: -1
print("global shadows builtin:", uses_builtin())
del len
print("after del:", uses_builtin())
