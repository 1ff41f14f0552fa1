def explode(n):
    if n == 0:
        raise ValueError("deep inside layer2")
    explode(n - 1)

explode(2)
