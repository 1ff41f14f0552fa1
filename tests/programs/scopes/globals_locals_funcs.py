a = 1
b = 2

def f(x):
    y = x + 1
    loc = locals()
    return sorted(loc.items())

print(f(5))

def g():
    return "a" in globals(), "zzz" in globals()

print(g())
names = sorted(k for k in globals() if not k.startswith("__"))
print(names)

def modify_global_via_dict():
    globals()["made_here"] = 99

modify_global_via_dict()
print(made_here)

class K:
    p = 1
    q = p + 1
    print(sorted(k for k in vars() if not k.startswith("__")))

def h(n):
    def inner():
        return n
    return sorted(locals())

print(h(1))
