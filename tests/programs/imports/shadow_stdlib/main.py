import sys
import heapq
print("local heapq:", heapq.LOCAL)
import itertools
print("builtin itertools is not shadowed:", hasattr(itertools, "LOCAL"), itertools.__name__)
print(list(itertools.islice(itertools.count(5), 3)))
import string
print(string.ascii_lowercase[:5], hasattr(string, "LOCAL"))
