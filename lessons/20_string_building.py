# Lesson 20: building strings -- join versus +
#
# Strings are immutable, so `s = s + piece` must, in principle, create a new
# string and copy all of s into it. Doing that in a loop copies
# 1 + 2 + ... + n characters: quadratic work.
#
# "".join(pieces) first adds up the lengths, allocates the result once and
# copies every piece exactly once: linear work.
#
# CPython has a special trick for `s += piece` (and `s = s + piece`): if the
# string on the left has no other references, it is resized in place
# instead of copied. That is why the naive loop is often fast in CPython --
# but the trick is fragile: any second reference to s turns it off, and
# other Python implementations do not have it. Prefer join.
import io

pieces = [str(i) for i in range(1000)]

print("== join and + give the same string ==")
joined = "".join(pieces)
s = ""
for p in pieces:
    s = s + p
print("equal:", s == joined, "| length:", len(joined))

print()
print("== counting the characters copied ==")
copied_plus = 0
length = 0
for p in pieces:
    length += len(p)
    copied_plus += length          # each + copies the whole new string
copied_join = sum(len(p) for p in pieces)
print("naive + (no in-place trick) would copy:", copied_plus, "characters")
print("join copies:                            ", copied_join, "characters")
print("ratio:", copied_plus // copied_join, "to 1 for only 1000 pieces")

print()
print("== a second reference forces a real copy ==")
s = "abc"
alias = s
s += "def"                         # cannot resize in place: alias shares it
print("s:", s, "| alias:", alias, "| s is alias:", s is alias)

print()
print("== strings cannot be changed in place by you, only by CPython ==")
try:
    s[0] = "X"
except TypeError as exc:
    print("TypeError:", exc)
chars = list(s)                    # mutable workspace
chars[0] = "X"
print("edit via a list, then join:", "".join(chars))

print()
print("== join needs strings ==")
try:
    ",".join([1, 2, 3])
except TypeError as exc:
    print("TypeError:", exc)
print("convert first:", ",".join(str(n) for n in [1, 2, 3]))
print("or with map:  ", ",".join(map(str, [1, 2, 3])))

print()
print("== other linear-time builders ==")
buf = io.StringIO()
for p in pieces[:10]:
    buf.write(p)
    buf.write(";")
print("io.StringIO:", buf.getvalue())
print("f-string builds in one go:", f"{pieces[1]}-{pieces[2]}-{pieces[3]}")
print("% formatting:", "%s/%s" % (pieces[4], pieces[5]))
print("str.format:", "{}+{}".format(pieces[6], pieces[7]))
