# Exercise (lesson 27): __new__ creates, __init__ initialises.
class Traced:
    def __new__(cls):
        print("new")
        return super().__new__(cls)

    def __init__(self):
        print("init")


t = Traced()  # predict: output -> new\ninit
