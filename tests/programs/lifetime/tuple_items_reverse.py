class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

print("tuple")
t = (T("a"), T("b"), T("c"))
del t
print("tuple inside list")
x = [(T("d"), T("e")), T("f"), (T("g"),)]
del x
print("tuple returned and discarded")
def make():
    return T("h"), T("i")
make()
print("unpacked then names deleted")
p, q = make()
del q
print("q gone")
del p
print("nested tuples")
n = ((T("j"), T("k")), (T("l"), T("m")))
n = 0
print("done")
