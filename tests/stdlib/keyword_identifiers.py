# keyword: checking candidate identifiers the way namedtuple/dataclasses do
import keyword

def classify(name):
    if not name.isidentifier():
        return "invalid"
    if keyword.iskeyword(name):
        return "keyword"
    if keyword.issoftkeyword(name):
        return "soft keyword"
    return "ok"

for name in ["class", "klass", "2fast", "match", "lambda", "lambda_", "_", "while", "While", "nonlocal"]:
    print(name, classify(name))
print([w for w in keyword.kwlist if len(w) <= 2], sum(map(keyword.iskeyword, "if else elif x".split())))
