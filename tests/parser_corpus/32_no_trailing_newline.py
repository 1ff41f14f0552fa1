if x:
    y = 1
else:
    z = 2