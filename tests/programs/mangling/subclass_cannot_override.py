class Base:
    def __init__(self):
        self.__secret = "base secret"
    def __helper(self):
        return "Base.__helper"
    def run(self):
        return self.__helper() + " / " + self.__secret

class Child(Base):
    def __init__(self):
        super().__init__()
        self.__secret = "child secret"
    def __helper(self):
        return "Child.__helper"
    def run_child(self):
        return self.__helper() + " / " + self.__secret

c = Child()
print(c.run())
print(c.run_child())
print(sorted(vars(c)))

class Override(Base):
    def _Base__helper(self):
        return "overridden via the mangled name"

print(Override().run())
