# Dict work: insert, lookup, update, membership, iterate keys/values/items,
# delete. Keys are both ints and strings.

def main():
    n = 750000
    d = {}
    for i in range(n):
        d[i * 7 % n] = i
    hits = 0
    for i in range(0, 3 * n, 2):
        if i in d:
            hits += d[i]
    names = {}
    for i in range(n):
        k = "k" + str(i % 5000)
        names[k] = names.get(k, 0) + i
    total = 0
    for k in d:
        total += k
    for v in d.values():
        total -= v
    items = 0
    for k, v in names.items():
        items += len(k) + v % 97
    for i in range(0, n, 2):
        del d[i]
    print("dict checksum:", hits, total, items, len(d), len(names))


main()
