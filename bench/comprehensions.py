# Comprehensions: list, dict and set comprehensions, nested and filtered.
# Stresses comprehension frames, container building, hashing of ints.

def main():
    total = 0
    for r in range(200):
        sq = [x * x for x in range(20000) if x % 3 != 0]
        d = {x: x % 97 for x in range(10000)}
        s = {x % 1013 for x in sq}
        grid = [[i * j for j in range(30)] for i in range(30)]
        flat = [v for row in grid for v in row if v % 2 == 0]
        inv = {v: k for k, v in d.items()}
        total += len(sq) + sum(d.values()) + len(s) + sum(flat) + len(inv) + r
    print("comprehensions checksum:", total, len(sq), max(s), flat[-1])


main()
