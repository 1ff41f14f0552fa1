class T:
    def __init__(self, name):
        self.name = name
        print("  new", name)
    def __del__(self):
        print("  del", self.name)

def produce(n):
    for i in range(n):
        yield T("g%d" % i)

print("generator items are released as the loop variable moves on")
for x in produce(3):
    print("  body", x.name)
print("after loop, x still bound to", x.name)
x = None
print("comprehension over generator")
names = [t.name for t in produce(2)]
print("  names", names)
print("map over temporaries")
lengths = list(map(lambda t: len(t.name), produce(2)))
print("  lengths", lengths)
print("while loop with rebinding")
i = 0
cur = None
while i < 3:
    cur = T("w%d" % i)
    i += 1
print("  loop done")
del cur
print("done")
