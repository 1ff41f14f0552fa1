# Lesson 31, the circular import that WORKS (part a).
import sys

print("   ok_a: start, importing ok_b")
import ok_b            # ok_b will import ok_a back while ok_a is half-done

name = "ok_a"


def hello():
    return f"hello from {name}; ok_b says {ok_b.name_of_b()}"


print("   ok_a: done")
