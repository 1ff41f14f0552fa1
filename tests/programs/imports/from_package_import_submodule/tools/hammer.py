def use():
    return "bang"
