def collect(*args, **kwargs):
    return args, kwargs

print(collect())
print(collect(1, 2))
print(collect(a=1, b=2))
print(collect(1, *[2, 3], *(4,), x=5, **{"y": 6}, z=7))

def fixed(a, b, c):
    return a * 100 + b * 10 + c

nums = [1, 2, 3]
print(fixed(*nums))
print(fixed(1, *nums[1:]))
opts = {"c": 9, "b": 8}
print(fixed(7, **opts))
print(fixed(*[1], **{"b": 2, "c": 3}))

def forward(*args, **kwargs):
    return fixed(*args, **kwargs)

print(forward(4, 5, c=6))
args, kwargs = collect(*"ab", **dict(k=1))
print(args, kwargs, type(args).__name__, type(kwargs).__name__)
try:
    fixed(**{"a": 1, "b": 2}, c=3, **{"c": 4})
except TypeError as e:
    print("TypeError:", e)
