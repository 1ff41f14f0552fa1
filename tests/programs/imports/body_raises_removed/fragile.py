print("fragile body runs")
import fragile_helper
fragile_helper.runs += 1
x = 1 / 0
