import sys

class Base:
    def __init__(self, tag):
        self.tag = tag
        print("  Base.__init__ self", sys.getrefcount(self))
    def show(self):
        print("  Base.show", sys.getrefcount(self))

class Child(Base):
    def __init__(self, tag):
        print("  Child.__init__ self", sys.getrefcount(self))
        super().__init__(tag)
    def show(self):
        print("  Child.show", sys.getrefcount(self))
        super().show()
        Base.show(self)

t = ["tag"]
c = Child(t)
print("child", sys.getrefcount(c), "tag", sys.getrefcount(t))
c.show()
s = super(Child, c)
print("super object holds instance", sys.getrefcount(c))
s.show()
del s
print("end", sys.getrefcount(c))
