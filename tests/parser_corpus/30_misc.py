pass
...
x
x.y
'docstring'
1
None
True
False
x = ...
@property
def p(self): return self._p
x = a if b else c
x = [1, 2][0]
x = 'abc'[::-1]
x = {**a}
x = {'a': 1}.get('a')
x = (yield_ := 1)
if x:
    pass
elif y:
    pass
