s = "hello world"
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
vowels = "".join(c for c in s if c in "aeiou")
print(vowels)
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in s)
print(caesar)
parts = []
for word in s.split():
    parts.append(word[::-1])
print(" ".join(parts))
acc = ""
for i in range(5):
    acc += str(i)
print(acc)
print(list(reversed("abc")), list(enumerate("ab")), list(zip("abc", "12")))
table = [f"{i:>2} {i * i:>3}" for i in range(1, 5)]
print("\n".join(table))
print(s.title().swapcase())
