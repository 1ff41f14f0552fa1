class _Private:
    def __init__(self):
        self.__value = 1
    def get(self):
        return self.__value

p = _Private()
print(sorted(vars(p)), p.get())

class __Dunder:
    def __init__(self):
        self.__value = 2

print(sorted(vars(__Dunder())))

class ___:
    def __init__(self):
        self.__value = 3
    def get(self):
        return self.__value

u = ___()
print(sorted(vars(u)), u.get())

class _:
    __x = 4
    def get(self):
        return self.__x

print(sorted(k for k in vars(_) if "x" in k), _().get())

class A_:
    __y = 5

print(sorted(k for k in vars(A_) if "y" in k))
