print("helper loads")
VALUE = 99
