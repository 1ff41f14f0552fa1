print("other runs")
