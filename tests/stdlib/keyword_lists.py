# keyword: kwlist, softkwlist, iskeyword, issoftkeyword
import keyword

print(len(keyword.kwlist), keyword.kwlist)
print(keyword.softkwlist)
for word in ("for", "None", "match", "_", "print", "async", "True", "case", "type", ""):
    print(repr(word), keyword.iskeyword(word), keyword.issoftkeyword(word))
print(sorted(keyword.__all__))
