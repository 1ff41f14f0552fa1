# Lesson 31, the circular import that FAILS (part b).
print("   bad_b: start, asking bad_a for `value`")
from bad_a import value      # bad_a is in sys.modules but has no `value` yet


def helper():
    return value
