word = "banana"
print("indexing", word[1] is word[3], word[0] is word[0])
print("slicing", word[1:2] is word[3:4], word[1:2] is word[1])
print("chr", chr(97) is word[1], chr(98) is word[0])
letters = list(word)
print("list()", letters[1] is letters[5])
for_loop = [c for c in word]
print("iteration", for_loop[1] is letters[3])
print("strip", "xbx".strip("x") is word[0])
print("lower then index", "AB".lower()[0] is chr(97))
print("join single", "".join([word[0]]) is word[0])
digits = "0123456789"
print("digit", digits[7] is chr(55), str(1234)[2] is digits[3])
latin = "caf\xe9"
print("latin-1 char", latin[3] is chr(233))
wide = "\u0394x\u0394"
print("non-latin-1 char", wide[0] is wide[2], wide[0] == wide[2])
two = word[1:3]
print("two chars", two is word[3:5], two == word[3:5])
