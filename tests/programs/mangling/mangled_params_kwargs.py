class Api:
    def call(self, __arg, normal=0):
        return (__arg, normal)

    def kw_inside(self):
        try:
            return self.call(__arg=1)
        except TypeError as e:
            return "keyword names are not mangled: " + str(e)

    def show_varnames(self):
        return self.call.__code__.co_varnames

a = Api()
print(a.call(5))
print(a.kw_inside())
print(a.show_varnames())
try:
    a.call(__arg=2)
except TypeError as e:
    print("TypeError:", e)
print(a.call(_Api__arg=3))

def make(**kwargs):
    return sorted(kwargs)

class Builder:
    def build(self):
        return make(__a=1, b=2, __c__=3)

print(Builder().build())
