"""Regenerate src/semantics/unicode_data.rs from CPython 3.11's unicodedata (Unicode 14.0).

Run: python3 src/semantics/gen/gen_unicode.py > src/semantics/unicode_data.rs
The properties are read through str methods so they are exactly what CPython uses.
"""
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11)
ALL = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]


def cased(c):
    return (c + "a").title()[-1] == "a"


def ignorable(c):
    return ((("A" + c + "\u03a3").lower()[-1] == "\u03c2")
            != (("1" + c + "\u03a3").lower()[-1] == "\u03c2"))


PROPS = [
    ("PRINTABLE", str.isprintable),
    ("ALPHA", str.isalpha),
    ("DECIMAL", str.isdecimal),
    ("DIGIT", str.isdigit),
    ("NUMERIC", str.isnumeric),
    ("SPACE", str.isspace),
    ("LOWER", str.islower),
    ("UPPER", str.isupper),
    ("TITLE", lambda c: unicodedata.category(c) == "Lt"),
    ("CASED", cased),
    ("CASE_IGNORABLE", ignorable),
    ("XID_START", str.isidentifier),
    ("XID_CONTINUE", lambda c: ("a" + c).isidentifier()),
]


def ranges(pred):
    out = []
    start = None
    prev = None
    for ch in ALL:
        c = ord(ch)
        if pred(ch):
            if start is None or prev != c - 1:
                if start is not None:
                    out.append((start, prev + 1))
                start = c
            prev = c
    if start is not None:
        out.append((start, prev + 1))
    return out


def emit_list(name, typ, items, per_line):
    print(f"pub static {name}: &[{typ}] = &[")
    for i in range(0, len(items), per_line):
        print("    " + " ".join(items[i:i + per_line]))
    print("];")


def lit(s):
    return '"' + "".join(f"\\u{{{ord(ch):x}}}" for ch in s) + '"'


print("//! Unicode 14.0 character tables generated from CPython 3.11's `unicodedata`")
print("//! by `src/semantics/gen/gen_unicode.py` — do not edit by hand.")
print("//! Ranges are half-open `(start, end)` pairs sorted by start.")
print("#![allow(clippy::unreadable_literal)]")
print()
for name, pred in PROPS:
    rs = ranges(pred)
    emit_list(name, "(u32, u32)", [f"(0x{a:x}, 0x{b:x})," for a, b in rs], 6)
# decimal digit ranges: (start, end, value of start)
decs = []
for a, b in ranges(str.isdecimal):
    decs.append(f"(0x{a:x}, 0x{b:x}, {unicodedata.decimal(chr(a))}),")
emit_list("DECIMAL_VALUE", "(u32, u32, u8)", decs, 5)
for name, fn in [("TO_LOWER", str.lower), ("TO_UPPER", str.upper),
                 ("TO_TITLE", str.title), ("TO_FOLD", str.casefold)]:
    items = []
    for ch in ALL:
        m = fn(ch)
        if m != ch:
            items.append(f"(0x{ord(ch):x}, {lit(m)}),")
    emit_list(name, "(u32, &str)", items, 4)
