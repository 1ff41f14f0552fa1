# random: seeded sequences must equal CPython's Mersenne Twister exactly
import random

for seed in (0, 1, 42, 2 ** 40 + 3, -7, 123456789012345678901234567890):
    random.seed(seed)
    print(seed, random.random(), random.random())
    print("  randint", [random.randint(1, 6) for _ in range(10)])
    print("  randrange", random.randrange(100), random.randrange(10, 20), random.randrange(0, 50, 5), random.randrange(10, 0, -2))
    print("  choice", random.choice("abcdefg"), random.choice([10, 20, 30]))
    deck = list(range(10))
    random.shuffle(deck)
    print("  shuffle", deck)
    print("  sample", random.sample(range(100), 5), random.sample("abcde", 2))
    print("  choices", random.choices("abc", k=5), random.choices([1, 2, 3], weights=[10, 1, 1], k=5))
    print("  cum_weights", random.choices("xy", cum_weights=[1, 5], k=4))
    print("  bits", random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))
    print("  uniform", random.uniform(2, 5), random.triangular(0, 1))
    print("  bytes", random.randbytes(6))

r = random.Random(99)
s = random.Random(99)
print([r.random() for _ in range(3)] == [s.random() for _ in range(3)])
state = r.getstate()
first = [r.randint(0, 1000) for _ in range(5)]
r.setstate(state)
print(first, [r.randint(0, 1000) for _ in range(5)], len(state), state[0], len(state[1]))
r.seed(1.5)
print("float seed", r.random())
r.seed("hello")
print("str seed", r.random(), r.randint(1, 10 ** 9))
r.seed(b"hello")
print("bytes seed", r.random())
r.seed("hello", version=1)
print("version 1", r.random())
print(random.Random(2 ** 64).sample(range(10 ** 6), 8))

def attempt(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", result)

attempt("empty choice", lambda: random.choice([]))
attempt("empty range", lambda: random.randrange(0))
attempt("empty range 2", lambda: random.randrange(5, 5))
attempt("zero step", lambda: random.randrange(0, 10, 0))
attempt("bad bits", lambda: random.getrandbits(-1))
attempt("sample too big", lambda: random.sample(range(3), 5))
attempt("sample set", lambda: random.sample({1, 2}, 1))
attempt("weights mismatch", lambda: random.choices("ab", weights=[1]))
attempt("both weights", lambda: random.choices("ab", weights=[1, 1], cum_weights=[1, 2]))
attempt("k positional", lambda: random.choices("ab", 3))
attempt("bad seed", lambda: random.seed([1, 2]))
attempt("randint float", lambda: random.randint(1, 2.5))
