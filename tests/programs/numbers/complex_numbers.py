# complex: constructor forms and errors, repr, arithmetic, ==, hash, format, sizes
import gc
import sys


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


cases = [
    lambda: (1e300 + 1e300j) ** 2,
    lambda: abs(complex(1e308, 1e308)),
    lambda: (1 + 1j) ** (1 + 1j),
    lambda: (1 + 1j) ** 101,
    lambda: (2 + 0j) ** -2,
    lambda: 0j ** 0,
    lambda: 0j ** (1 + 1j),
    lambda: 0j ** -1,
    lambda: pow(1j, 2, 3),
    lambda: 1j + "a",
    lambda: -(1 + 2j),
    lambda: +(1j),
    lambda: ~1j,
    lambda: divmod(1j, 2),
    lambda: round(1j),
    lambda: 1 / (1 + 1j),
    lambda: 1j ** 2,
    lambda: 2 ** 1j,
    lambda: (-8) ** 0.5,
    lambda: 1j / 0,
    lambda: 1j // 2,
    lambda: 1j % 2,
    lambda: 1j < 2j,
    lambda: complex("1.5e-3-2.25J"),
    lambda: complex("  ( 1+2j ) "),
    lambda: complex("-j"),
    lambda: complex("1+"),
    lambda: complex("1 + 2j"),
    lambda: complex("1__0j"),
    lambda: complex("-1_000j"),
    lambda: complex("inf-nanj"),
    lambda: complex(True),
    lambda: complex(),
    lambda: complex(real=2),
    lambda: complex(imag=2),
    lambda: complex(1j, 1j),
    lambda: complex(0, -0.0),
    lambda: complex(-0.0, 0),
    lambda: complex([]),
    lambda: complex(1, "a"),
    lambda: complex("1", 2),
    lambda: complex(1, 2, 3),
    lambda: int(1j),
    lambda: float(1j),
    lambda: (1 + 2j).conjugate(),
    lambda: (2 + 3j).real,
    lambda: (2 + 3j).imag,
    lambda: bool(0j),
    lambda: 1 + 0j == 1,
    lambda: 5.5 != 5.5 + 0j,
    lambda: 1e16j,
    lambda: complex(1e16, 1),
    lambda: {1: "a", 1 + 0j: "b", 2j: "c"},
    lambda: (hash(1j), hash(1 + 0j), hash(1.5 - 2j)),
    lambda: format(1.5 + 2j, ".2f"),
    lambda: format(1 + 2j, ">20"),
    lambda: format(1 + 2j, "g"),
    lambda: f"{3j:*^12}",
    lambda: format(1j, "010"),
    lambda: format(1j, "%"),
    lambda: (1j).__getnewargs__(),
    lambda: complex.__add__(1j, 2),
    lambda: (2).__add__(1j),
    lambda: sys.getsizeof(1j),
]
for case in cases:
    show(case)

z = complex(3, 4)
print(z, abs(z), type(z).__name__, gc.is_tracked(z), sys.getrefcount(z))
print(complex(z) is z, (z + 0) is z)


class C(complex):
    pass


c = C(1, 2)
print(c, type(c).__name__, c + 1, type(c + 1).__name__, repr(C()), complex(c) is c)


class N:
    def __complex__(self):
        return 3j


class Bad:
    def __complex__(self):
        return 3


print(complex(N()))
show(lambda: complex(Bad()))
