print("start")
blocks = []
while True:
    blocks.append([0] * 1000)
