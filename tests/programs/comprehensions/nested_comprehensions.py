matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print([[x * 10 for x in row] for row in matrix if sum(row) > 6])
print([(r, c) for r in range(3) for c in range(3) if r != c])
print({r: {c: r * c for c in range(3)} for r in range(2)})
print([[(i, j) for j in range(i)] for i in range(4)])
flat = [n for sub in [[1, [2]], [3]] for n in sub]
print(flat)
print([c for w in ["ab", "cd"] for c in w for _ in range(2)])
grid = [["." for _ in range(4)] for _ in range(2)]
grid[0][1] = "#"
print(["".join(row) for row in grid])
primes = [n for n in range(2, 40) if all(n % d for d in range(2, n))]
print(primes)
