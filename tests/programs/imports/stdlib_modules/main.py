import copy, functools, itertools, operator, collections, dataclasses
import contextlib, random, string, types, abc, enum, bisect, heapq, math, importlib
from collections import namedtuple, deque, Counter
P = namedtuple("P", "x y")
print(P(1, 2), deque([1, 2]), Counter("abca").most_common(1))
print(functools.reduce(operator.add, range(5)), list(itertools.accumulate([1, 2, 3])))
@dataclasses.dataclass
class D:
    a: int
    b: list = dataclasses.field(default_factory=list)
print(D(1), copy.deepcopy([[1], [2]]))
random.seed(3)
print(random.randint(1, 100), random.choice("abc"))
print(math.sqrt(16), math.pi, math.gcd(12, 18), math.factorial(5))
heap = [5, 1, 3]
heapq.heapify(heap)
print(heapq.heappop(heap), bisect.bisect([1, 3, 5], 4))
class Color(enum.Enum):
    RED = 1
print(Color.RED, string.digits)
print(type(types.SimpleNamespace(a=1)).__name__)
