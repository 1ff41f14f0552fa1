def config(a, *, verbose=False, level):
    return (a, verbose, level)

print(config(1, level=3))
print(config(1, level=2, verbose=True))
try:
    config(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    config(1)
except TypeError as e:
    print("TypeError:", e)

def star_then_kw(*args, sep="-"):
    return sep.join(str(a) for a in args)

print(star_then_kw(1, 2, 3))
print(star_then_kw(1, 2, sep="+"))

def positional_only(a, b, /, c):
    return a + b + c

print(positional_only(1, 2, 3), positional_only(1, 2, c=3))
try:
    positional_only(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
print(config.__kwdefaults__)
