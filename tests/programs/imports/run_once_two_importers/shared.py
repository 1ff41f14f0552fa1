print("shared body runs")
items = []
runs = 0
