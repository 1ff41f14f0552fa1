# Equal constants of one file are one object, across every code object
# (module, functions, class bodies) and inside tuple constants.
a = 1000
b = (1000, 'x y')
c = 'x y'
d = 2.5
def f():
    return 1000, (1000, 'x y'), 2.5, -0.0, 0.0
e = 1000.0
g = 1000
z = 0.0
print(f()[0] is a, f()[1] is b, f()[1][1] is c, f()[2] is d, f()[1][0] is a, f()[3] is z, f()[4] is z)
t = ('x y',)
h = 1000
print(t[0] is c, h is g, e is a)
class K:
    v = 1000
    w = True
    u = 1
print(K.v is a, K.w is True)
