print("leaf runs")
