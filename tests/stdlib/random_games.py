# random: a few lesson-style simulations with fixed seeds
import random
from collections import Counter

random.seed(2024)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(200)]
counts = Counter(rolls)
for total in range(2, 13):
    print("%2d %s" % (total, "#" * counts[total]))

rng = random.Random(7)
walk = [0]
for _ in range(30):
    walk.append(walk[-1] + rng.choice((-1, 1)))
print(walk)

deck = [rank + suit for suit in "SHDC" for rank in "A23456789TJQK"]
rng.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
print(hands)

def monte_carlo_pi(n, seed):
    g = random.Random(seed)
    inside = 0
    for _ in range(n):
        x, y = g.random(), g.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4 * inside / n
print(monte_carlo_pi(2000, 1), monte_carlo_pi(2000, 2))

names = ["ann", "bob", "cy", "dee", "eve"]
g = random.Random("team-draw")
print(g.sample(names, k=len(names)), g.choices(names, weights=[5, 4, 3, 2, 1], k=8))
print(sorted(g.sample(range(1, 50), 6)), g.randrange(1000, 10000))
colors = Counter(g.choices(["red", "green", "blue"], cum_weights=[50, 80, 100], k=1000))
print(colors.most_common())
