# Exercise (lesson 11): __del__ runs when the last reference goes.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)


a = Noisy("a")
b = a
del a  # predict: output -> ?
b = None  # predict: output -> ?
print("end")  # predict: output -> ?
