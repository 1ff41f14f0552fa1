@d
def f(): pass
@d1
@d2(arg)
@a.b.c
def g(): pass
@d
class C: pass
@x[0]
def h(): pass
@(lambda f: f)
def i(): pass
@a := b
def j(): pass
