print("settings body runs")
try:
    loads += 1
except NameError:
    loads = 1
items = []
def describe():
    return "loads=%d" % loads
