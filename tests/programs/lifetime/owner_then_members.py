class T:
    def __init__(self, name, *children):
        self.name = name
        self.children = list(children)
    def __del__(self):
        print("  del", self.name, "with", len(self.children), "children")

print("tree")
tree = T("root", T("left", T("ll"), T("lr")), T("right"))
del tree
print("chain through attributes")
class Link:
    def __init__(self, name, nxt=None):
        self.name = name
        self.nxt = nxt
    def __del__(self):
        print("  del link", self.name)
chain = Link("1", Link("2", Link("3")))
chain = chain.nxt
print("  head moved")
chain = None
print("list held by an owner")
class Bag:
    def __init__(self):
        self.items = [T("i1"), T("i2")]
        self.tag = T("tag")
    def __del__(self):
        print("  del bag")
bag = Bag()
bag = 1
print("done")
