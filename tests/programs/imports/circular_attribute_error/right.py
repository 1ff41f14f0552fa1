import left
print("right sees left partially:", left.__name__)
Y = left.X
