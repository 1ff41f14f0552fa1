# Exercise (lesson 06): [[0] * 3] * 2 repeats one inner list.
grid = [[0] * 3] * 2
row0 = grid[0]
row1 = grid[1]
# predict: same(row0, row1) == True
grid[0][0] = 5
print(grid)  # predict: output -> [[5, 0, 0], [5, 0, 0]]
# predict: refcount(row0) == 4
