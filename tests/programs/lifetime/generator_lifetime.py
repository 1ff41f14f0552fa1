class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

def gen(tag):
    a = T(tag + ".a")
    try:
        yield 1
        b = T(tag + ".b")
        yield 2
    finally:
        print("  finally", tag)

print("exhaust")
for v in gen("g1"):
    print("  got", v)
print("close while suspended")
g = gen("g2")
next(g)
g.close()
print("  closed")
del g
print("delete while suspended")
g = gen("g3")
next(g)
next(g)
del g
print("delete unstarted")
g = gen("g4")
del g
print("break out of a for loop")
for v in gen("g5"):
    print("  got", v)
    break
print("after break")
def items():
    for i in range(3):
        yield T("item%d" % i)
print("items yielded to a loop variable")
for it in items():
    print("  loop body", it.name)
print("loop over")
del it
print("done")
