print("outer/__init__ runs")
