# bisect: keeping a sorted collection and range queries
import bisect

class SortedList:
    def __init__(self, items=()):
        self.items = []
        for item in items:
            self.add(item)
    def add(self, item):
        bisect.insort(self.items, item)
    def remove(self, item):
        i = bisect.bisect_left(self.items, item)
        if i == len(self.items) or self.items[i] != item:
            raise ValueError("%r not in list" % (item,))
        del self.items[i]
    def count_between(self, lo, hi):
        return bisect.bisect_right(self.items, hi) - bisect.bisect_left(self.items, lo)
    def __repr__(self):
        return "SortedList(%r)" % self.items

s = SortedList([31, 4, 15, 9, 26, 5, 35, 8, 9, 7])
print(s, s.count_between(5, 15), s.count_between(100, 200))
s.remove(9)
s.add(12)
print(s)
try:
    s.remove(1000)
except ValueError as e:
    print("ValueError:", e)
words = sorted(["pear", "apple", "fig", "banana", "kiwi"])
print(words, bisect.bisect_left(words, "c"), words[bisect.bisect_left(words, "f"):bisect.bisect_left(words, "g")])
times = [0.5, 1.5, 2.5, 3.5]
print([bisect.bisect(times, t) for t in (0, 0.5, 1, 3.9)])
