a = b = c = []
a.append(1)
print(a, b, c, a is c)
x = y = 5
x += 1
print(x, y)

class Obj:
    pass

o = Obj()
o.count = 0
o.count += 5
o.items = [1]
o.items += [2]
o.items *= 2
print(o.count, o.items)
d = {"k": 1, "lst": []}
d["k"] += 10
d["k"] *= 2
d["lst"] += ["x"]
d["new"] = d["k"] = 0
print(d)
m = [[0, 0], [0, 0]]
m[0][1] += 7
m[1] = m[0]
m[1][0] -= 1
print(m)
o.a = o.b = "shared"
print(o.a, o.b)
s = "ab"
s += "cd"
s *= 2
print(s)
n = 10
n //= 3
n **= 3
n %= 7
n <<= 2
n |= 1
n ^= 3
n >>= 1
n &= 6
print(n)
f = 1.5
f /= 2
f -= 0.25
print(f)
lst = [1, 2, 3]
i = 0
i, lst[i] = 1, 99
print(i, lst)

class Logged:
    def __init__(self):
        self.store = {}
    def __getitem__(self, k):
        print("  get", k)
        return self.store.get(k, 0)
    def __setitem__(self, k, v):
        print("  set", k, v)
        self.store[k] = v

lg = Logged()
lg["x"] += 5
print(lg.store)
