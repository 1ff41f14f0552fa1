class A: pass
class B(): pass
class C(A): pass
class D(A, B): pass
class E(A, metaclass=M): pass
class F(*bases, **kw): pass
class G:
    x = 1
    def m(self):
        return self.x
    @staticmethod
    def s(): pass
    class Inner:
        pass
