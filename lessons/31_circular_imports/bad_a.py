# Lesson 31, the circular import that FAILS (part a).
print("   bad_a: start, importing bad_b")
from bad_b import helper     # bad_b needs `value` from us, which doesn't exist yet

value = 42


def use():
    return helper()
