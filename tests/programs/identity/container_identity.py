lst = [1, [2]]
print("slice copy", lst[:] is lst, lst[:] == lst)
print("list()", list(lst) is lst)
print("copy()", lst.copy() is lst)
print("shallow items shared", lst[:][1] is lst[1])
print("* 1", (lst * 1) is lst)
alias = lst
alias.append(3)
print("alias sees append", lst, alias is lst)
lst += [4]
print("+= keeps identity", alias is lst)
lst = lst + [5]
print("+ creates new", alias is lst, alias, lst)

t = (1, [2])
print("tuple(t)", tuple(t) is t)
print("t[:]", t[:] is t)
print("t + ()", t + () is t)
print("t * 1", t * 1 is t)
t2 = t
t += (3,)
print("tuple += creates new", t2 is t, t2, t)

s = "text"
print("str(s)", str(s) is s)
print("s[:]", s[:] is s)
print("s + empty", s + "" is s)
d = {"a": [1]}
d2 = dict(d)
print("dict copy", d2 is d, d2["a"] is d["a"])
d3 = d
d3["b"] = 2
print("alias", d, d is d3)
nested = [[0] * 2] * 2
nested[0][0] = 9
print("repeated inner list", nested, nested[0] is nested[1])
fixed = [[0] * 2 for _ in range(2)]
fixed[0][0] = 9
print("comprehension", fixed, fixed[0] is fixed[1])
