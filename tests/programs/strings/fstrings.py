name = "Ada"
n = 42
pi = 3.14159265
items = [1, "two"]
print(f"Hello, {name}!")
print(f"{name!r} {name!s} {items!r} {items}")
print(f"{n:>10}|{n:<10}|{n:^10}|")
print(f"{n:*^10}|{n:08d}|{n:+d}|{-n:+d}|{n: d}")
print(f"{pi:.3f} {pi:10.2f} {pi:<10.1f}| {pi:e} {pi:.2e} {pi:g}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_}")
print(f"{n:b} {n:08b} {n:o} {n:x} {n:X} {n:#x} {n:#o} {n:#b}")
print(f"{0.25:%} {0.25:.1%}")
print(f"{name:>8}|{name:<8}|{name:^8}|{name:.2}")
width = 12
print(f"{name:>{width}}|{pi:.{n % 5}f}")
print(f"{n * 2} {len(items)} {items[1]} {'nested' + '!'}")
print(f"{{literal braces}} {n}")
print(f"{n=} {name=!r} {pi=:.2f}")
print(f"{True} {None} {3 > 2}")
print(f"{'left':<6}{'right':>7}")
print(f"{-0.0} {1e100} {float('inf'):>6} {1/3}")
