a = [1]
b = a
c = [1]
print("id equal for alias", id(a) == id(b))
print("id differs for equal list", id(a) == id(c))
print("id is an int", type(id(a)) is int)
d = {"k": a}
print("id of stored object", id(d["k"]) == id(a))
ids = [id(x) for x in (a, b, c)]
print("pattern", [ids[0] == i for i in ids])

class Node:
    pass

n = Node()
m = n
print("instances", id(n) == id(m))
items = [n, m, Node()]
print("unique objects", len({id(i) for i in items}))
t = (a, c)
print("tuple items", id(t[0]) == id(a), id(t[1]) == id(c))
s = "some text"
print("string alias", id(s) == id(s[:]))
