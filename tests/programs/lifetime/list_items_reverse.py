class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

print("del list name")
lst = [T("a"), T("b"), T("c")]
del lst
print("clear()")
lst = [T("d"), T("e"), T("f")]
lst.clear()
print("del slice")
lst = [T("g"), T("h"), T("i"), T("j")]
del lst[1:3]
print("remaining", [t.name for t in lst])
print("slice assignment")
lst[:] = [T("k")]
print("item assignment")
lst[0] = T("l")
print("pop discards")
lst.pop()
print("rebinding the name")
lst = [T("m"), T("n")]
lst = []
print("list in a list")
outer = [[T("o1"), T("o2")], T("p")]
outer = None
print("done")
