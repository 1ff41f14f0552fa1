def level3(x):
    return x / 0

def level2(x):
    return level3(x) + 1

def level1():
    print("calling down")
    return level2(10)

level1()
