class T:
    def __init__(self, name):
        self.name = name
        print("  new", name)
    def __del__(self):
        print("  del", self.name)
    def get(self):
        return self.name

def show(*args):
    print("  show", [a.name for a in args])

def pair(a, b):
    print("  pair body", a.name, b.name)

print("attribute of a temporary")
n = T("t1").name
print("method call on a temporary:", T("t2").get())
print("binary expression of temporaries")
s = T("left").name + T("right").name
print("  =", s)
print("python call with temporary args")
pair(T("p1"), T("p2"))
print("star-args call")
show(T("s1"), T("s2"), T("s3"))
print("builtin call with temporary args")
print("  len", len([T("x"), T("y")]))
print("temporary in condition")
if T("cond").name:
    print("  in branch")
print("expression statement")
T("stmt")
print("list comprehension result discarded")
[T("c%d" % i) for i in range(2)]
print("done")
