import right
X = 1
