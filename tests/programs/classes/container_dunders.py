class Deck:
    def __init__(self, cards):
        self._cards = list(cards)
    def __len__(self):
        return len(self._cards)
    def __getitem__(self, i):
        print("  __getitem__", i)
        return self._cards[i]
    def __setitem__(self, i, v):
        self._cards[i] = v
    def __delitem__(self, i):
        del self._cards[i]
    def __contains__(self, card):
        print("  __contains__", card)
        return card in self._cards

d = Deck(["A", "K", "Q"])
print(len(d), d[0], d[-1])
print(d[0:2])
d[1] = "J"
del d[0]
print(d._cards)
print("J" in d, "A" not in d)
print("iteration falls back to __getitem__:", list(d))
print(bool(d), bool(Deck([])))

class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10

print(list(OnlyGetitem()), 20 in OnlyGetitem(), 5 in OnlyGetitem())
try:
    len(OnlyGetitem())
except TypeError as e:
    print("TypeError:", e)

class BadLen:
    def __len__(self):
        return -1

try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
