print("tab:\t|")
print("newline:\nsecond line")
print("backslash: \\ quote: \" apostrophe: \'")
print("hex: \x41\x42 octal: \101\102 unicode: \u0041 \N{GREEK SMALL LETTER ALPHA}")
print(r"raw: \n\t\\ stays")
print(len("\n"), len(r"\n"), len("\x41"), len("\\"))
print("line continues \
here")
multi = """first
second
  third"""
print(multi)
print(multi.splitlines())
implicit = "con" "cat" 'enation'
print(implicit)
print('single' == "single", """triple""" == 'triple')
print("\u00e9" == "é", "\101" == "A")
print(ord("\n"), ord("€"), chr(8364), chr(65))
