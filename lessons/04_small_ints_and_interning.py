# Lesson 04: the small-int cache and string interning
#
# Some immutable objects are shared by CPython to save memory and time.
# Because they cannot change, sharing them is invisible -- unless you use
# `is`, which compares identity. These are CPython implementation details:
# the lesson is *never use `is` to compare numbers or strings; use `==`*.
#
# 1. Small ints: CPython creates the ints -5..256 once at startup, and every
#    computation that produces one of them returns the cached object.
# 2. Constants: equal constants in one compiled file (module + the functions
#    in it) are merged into one object by the compiler.
# 3. Strings: identifier-like string constants are *interned* (kept in a
#    table so equal ones are one object); strings built at run time are not,
#    unless you call sys.intern(). One-character latin-1 strings produced at
#    run time come from a cache too.
import sys


def same(x, y):
    return x is y


print("== small ints, computed at run time (no constants involved) ==")
for text in ["0", "100", "256", "257", "-5", "-6"]:
    a = int(text)
    b = int(text)
    print(f"int({text!r}) is int({text!r}):", same(a, b))
n = 200
print("n + 56 is the cached 256:", same(n + 56, int("256")))
print("n + 57 is a fresh 257 each time:", same(n + 57, n + 57))

print()
print("== constants in one file are merged by the compiler ==")
x = 1000
y = 1000
print("x = 1000; y = 1000; x is y:", same(x, y), "(one constant object)")


def returns_1000():
    return 1000


print("a function's constant 1000 is x too:", same(returns_1000(), x))
print("but int('1000') is x:", same(int("1000"), x), "(made at run time)")

print()
print("== string interning ==")
s1 = "hello"
s2 = "hel" + "lo"          # folded to the constant "hello" by the compiler
print('"hello" vs "hel" + "lo" (constant-folded):', same(s1, s2))
part = "hel"
s3 = part + "lo"           # built at run time
print('"hello" vs part + "lo" (run time):', same(s1, s3), "| equal:", s1 == s3)
s4 = "".join(["h", "e", "l", "l", "o"])
print('"hello" vs "".join(...):', same(s1, s4))
print("sys.intern(run-time string) is the constant:", same(sys.intern(s4), s1))
print("after interning, equal values still compare with == :", s1 == s4)

print()
print("== one-character strings made at run time come from a cache ==")
word = "abc"
other = "cba"
print("word[0] is other[2]:", same(word[0], other[2]))
print("chr(97) is word[0]:", same(chr(97), word[0]))
long1 = word * 2
long2 = word * 2
print("(word * 2) is (word * 2):", same(long1, long2), "(longer ones are not cached)")

print()
print("== empty immutables are singletons ==")
print("tuple() is ():", same(tuple(), ()))
print("str() is '':", same(str(), ""))
print("word[:0] is '':", same(word[:0], ""))
print("frozenset() is frozenset():", same(frozenset(), frozenset()),
      "(CPython dropped that singleton in 3.10)")
print("[] is []:", same([], []), "(mutable objects are never shared)")
