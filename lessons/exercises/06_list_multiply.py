# Exercise (lesson 06): [[0] * 3] * 2 repeats one inner list.
grid = [[0] * 3] * 2
row0 = grid[0]
row1 = grid[1]
# predict: same(row0, row1) == ?
grid[0][0] = 5
print(grid)  # predict: output -> ?
# predict: refcount(row0) == ?
