def turn():
    return "turns"
