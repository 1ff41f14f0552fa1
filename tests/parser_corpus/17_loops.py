for x in y: pass
for x, y in z: pass
for (x, y) in z: pass
for [x, y] in z: pass
for x, in z: pass
for x in *a, *b: pass
for x in a, b: pass
for x.a in y: pass
for x[0] in y: pass
for *a, b in c: pass
for x in y:
    break
else:
    continue
while x:
    pass
while x: pass
else: pass
while (n := n - 1): pass
