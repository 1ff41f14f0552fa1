empty_t = ()
print("tuple()", tuple() is empty_t)
print("tuple([])", tuple([]) is empty_t)
t = (1, 2, 3)
print("empty slice of tuple", t[1:1] is empty_t, t[5:] is empty_t)
print("t * 0", t * 0 is empty_t)
def args_of(*args):
    return args
print("no *args", args_of() is empty_t)
print("two calls", args_of() is args_of())

empty_s = ""
s = "hello"
print("str()", str() is empty_s)
print("empty slice of str", s[2:2] is empty_s, s[10:] is empty_s)
print("s * 0", s * 0 is empty_s)
print("join of nothing", "".join([]) is empty_s)
print("strip to nothing", "   ".strip() is empty_s)
print("replace to nothing", "aaa".replace("a", "") is empty_s)
print("format of empty", format(empty_s) is empty_s)

l1 = []
l2 = []
print("empty lists are distinct", l1 is l2, l1 == l2)
d1 = {}
d2 = dict()
print("empty dicts are distinct", d1 is d2)
print("list()", list() is list())
