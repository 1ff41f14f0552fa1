print("counter body runs")
value = "fresh"
def get():
    return value
