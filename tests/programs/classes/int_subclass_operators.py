class I(int):
    def __add__(self, o):
        return "custom"
    def __lt__(self, o):
        return "lt"
a = I(3)
print(a + 1, a < 5, 1 + a)


class F(float):
    def __mul__(self, o):
        return "fmul"

    def __radd__(self, o):
        return "fradd"


f = F(2.0)
print(f * 2, 2 + f, f + 1.5, -f, abs(F(-1.0)))
print(I(5) - 2, I(5) == 5, type(I(5) - 2).__name__)
