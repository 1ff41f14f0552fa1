# List work: append, indexing, slicing, sort, reverse, pop, len, sum.

def main():
    n = 600000
    data = []
    v = 12345
    for i in range(n):
        v = (v * 1103515245 + 12345) % 2147483648
        data.append(v % 100000)
    total = 0
    for i in range(0, n, 7):
        total += data[i]
    chunks = 0
    for i in range(0, n, 1000):
        part = data[i:i + 1000]
        chunks += part[0] + part[-1] + len(part)
    s = sorted(data)
    data.sort(reverse=True)
    rev = data[::-1]
    same = s == rev
    while len(data) > n // 2:
        data.pop()
    print("list checksum:", total, chunks, s[0], s[-1], s[n // 2], same,
          len(data), sum(data[:100]))


main()
