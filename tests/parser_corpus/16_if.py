if a: pass
if a:
    pass
else:
    pass
if a:
    x
elif b:
    y
elif c:
    z
else:
    w
if a:
    if b:
        pass
    else:
        pass
if (x := f()) is not None: print(x)
if a: b; c
if not a: pass
