"""Module docstring."""
assert x, "message"
assert y
if (n := 10) > 5:
    print(n)
global g
g = [v := 1, v + 1]
pass
...
1
raise SystemExit
