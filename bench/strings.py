# String building: str.join, +=, f-strings, str() of ints, slicing,
# split/replace/upper, len. Stresses string allocation and concatenation.
# Note: CPython resizes a string in place for `s += t` when `s` has no other
# references, so the += loop is linear there, not quadratic.

def build(round_no):
    parts = []
    for i in range(40000):
        parts.append(f"item{i}:{i * 3 + round_no}")
    joined = ",".join(parts)
    acc = ""
    for i in range(5000):
        acc += str((i + round_no) % 10)
    lines = []
    for i in range(10000):
        s = "name=" + str(i) + ";value=" + str(i * i + round_no)
        lines.append(s.upper().replace("=", ":"))
    text = "\n".join(lines)
    words = text.split("\n")
    total = 0
    for w in words:
        total += len(w)
    pieces = joined.split(",")
    h = 0
    for p in pieces[::50]:
        h = (h * 31 + len(p) + ord(p[-1])) % 1000000007
    return len(joined) + len(acc) + total + len(pieces) + h, acc[-5:], words[1234][:12]


def main():
    check = 0
    for r in range(26):
        c, tail, word = build(r)
        check = (check * 7 + c) % 1000000007
    print("strings checksum:", check, tail, word)


main()
