#!/usr/bin/env python3
"""Compare src/stdlib/random.py with CPython's real random module, seed by seed.

For each seed (ints of many sizes incl. 0, negatives and > 2**64, floats,
str, bytes, bytearray) both generators are seeded identically and must return
identical results for random(), getrandbits(k), randrange, randint, choice,
shuffle, sample (small and large k, counts=), choices (with and without
weights / cum_weights), uniform, triangular, randbytes, gauss,
normalvariate, expovariate and the other distributions, getstate()
round-trips and Random() subclasses that only override random().

Usage: python3 tests/stdlib/verify_random.py [NSEEDS]   (default 300)
This is a python3-only tool (it loads the pure module with importlib); it is
not one of the test programs.
"""
import importlib.util
import os
import random as real
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STDLIB = os.path.normpath(os.path.join(HERE, "..", "..", "src", "stdlib"))


def load_pure():
    """Import src/stdlib/random.py (and its pure dependencies) as a second module."""
    sys.path.insert(0, HERE)
    import pure_launcher
    for name in list(sys.modules):
        if name.partition(".")[0] in pure_launcher.MODULES:
            del sys.modules[name]
    sys.meta_path.insert(0, pure_launcher.PureFinder())
    import random as pure
    for name in ("operator", "itertools", "bisect", "_sha512"):
        assert sys.modules[name].__file__.startswith(STDLIB), name
    return pure


def exercise(R, seed):
    """A transcript of many calls on a generator R seeded with seed."""
    out = []
    r = R.Random(seed)
    out.append(r.random())
    out.append([r.random() for _ in range(5)])
    out.append([r.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 64, 65, 100, 257)])
    out.append([r.randrange(10) for _ in range(10)])
    out.append([r.randrange(-5, 5) for _ in range(5)])
    out.append([r.randrange(0, 100, 7) for _ in range(5)])
    out.append([r.randrange(100, 0, -3) for _ in range(5)])
    out.append([r.randrange(2 ** 70) for _ in range(3)])
    out.append([r.randint(1, 6) for _ in range(20)])
    out.append([r.randint(-10 ** 20, 10 ** 20) for _ in range(3)])
    out.append([r.choice("abcdefghij") for _ in range(10)])
    out.append([r.choice(range(1000)) for _ in range(3)])
    lst = list(range(20))
    r.shuffle(lst)
    out.append(lst)
    out.append(r.sample(range(100), 5))
    out.append(r.sample(range(10 ** 6), 30))       # set-based branch
    out.append(r.sample(list("abcdefgh"), 8))
    out.append(r.sample(["x", "y"], 3, counts=[2, 2]))
    out.append(r.choices("abc", k=10))
    out.append(r.choices(range(5), weights=[5, 1, 0, 2, 3], k=10))
    out.append(r.choices("xyz", cum_weights=[1, 1.5, 4], k=5))
    out.append(r.choices(["p", "q"], [0.1, 0.9]))
    out.append([r.uniform(1.5, 3) for _ in range(3)])
    out.append([r.triangular(0, 10, 3) for _ in range(3)])
    out.append(r.randbytes(9))
    out.append([r.gauss(0, 1) for _ in range(4)])
    out.append([r.normalvariate(5, 2) for _ in range(3)])
    out.append([r.lognormvariate(0, 0.5), r.expovariate(1.5), r.vonmisesvariate(1, 2),
                r.gammavariate(0.5, 1), r.gammavariate(1, 2), r.gammavariate(3, 1),
                r.betavariate(2, 3), r.paretovariate(3), r.weibullvariate(1, 1.5)])
    state = r.getstate()
    a = [r.random() for _ in range(3)]
    r.setstate(state)
    out.append(a == [r.random() for _ in range(3)])
    out.append(state[1][-1])
    r.seed(seed, version=1) if isinstance(seed, (str, bytes)) else r.seed(seed)
    out.append(r.random())

    class OnlyRandom(R.Random):
        def random(self):
            return super().random()
    o = OnlyRandom(seed)
    out.append([o.randrange(1000) for _ in range(5)])
    return out


def module_level(R, seed):
    R.seed(seed)
    out = [R.random(), R.randint(1, 100), R.choice([1, 2, 3]), R.randrange(5, 50, 5)]
    x = list("python")
    R.shuffle(x)
    out.append(x)
    out.append(R.sample(range(50), 4))
    out.append(R.choices("ab", weights=[1, 3], k=6))
    out.append(R.getrandbits(40))
    out.append(R.uniform(-1, 1))
    return out


def seeds(n):
    result = [0, 1, -1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 64 + 12345, -(2 ** 100),
              10 ** 40, 1.5, -2.25, 0.0, 1e300, "hello", "", "ünïcödé", b"bytes",
              bytearray(b"ba"), 2 ** 19937 + 7, True]
    r = real.Random(20231114)
    while len(result) < n:
        bits = r.choice([8, 16, 31, 32, 33, 63, 64, 65, 128, 1000])
        result.append(r.getrandbits(bits) * r.choice([1, -1]))
    return result


def main(argv):
    n = int(argv[0]) if argv else 300
    pure = load_pure()
    assert pure.__file__.startswith(STDLIB)
    failures = 0
    checked = 0
    for seed in seeds(n):
        for label, fn in (("Random()", exercise), ("module", module_level)):
            want = fn(real, seed)
            have = fn(pure, seed)
            checked += 1
            if want != have:
                failures += 1
                for i, (w, h) in enumerate(zip(want, have)):
                    if w != h:
                        print("seed %r %s: item %d differs:\n  real %r\n  pure %r"
                              % (seed, label, i, w, h))
                        break
    # unseeded: pysim's fixed seed, documented in random.py
    u = pure.Random()
    v = pure.Random(pure._NONE_SEED)
    if u.random() != v.random():
        failures += 1
        print("Random() is not seeded with _NONE_SEED")
    print("verify_random: %d seeds, %d transcripts compared, %d difference(s)"
          % (len(seeds(n)), checked, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
