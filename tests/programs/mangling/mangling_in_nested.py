class Outer:
    __token = "outer token"

    def method(self):
        def helper():
            return self.__token
        return helper()

    def lam(self):
        return (lambda: self.__token)()

    def comp(self):
        return [self.__token for _ in range(2)]

    class Inner:
        __token = "inner token"
        def get(self):
            return self.__token

print(Outer().method())
print(Outer().lam())
print(Outer().comp())
print(Outer.Inner().get())
print(sorted(k for k in vars(Outer.Inner) if "token" in k))

class Names:
    def run(self):
        __local = "a local is mangled too"
        return sorted(n for n in locals() if "local" in n)

print(Names().run())

def outside():
    class Local:
        __x = 1
    return sorted(k for k in vars(Local) if k.endswith("x"))

print(outside())
