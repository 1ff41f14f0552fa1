def use():
    return "zzz"
