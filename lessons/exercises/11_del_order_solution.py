# Exercise (lesson 11): the owner's __del__ runs before its attributes go.
class Part:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("part", self.name, "freed")


class Whole:
    def __init__(self):
        self.part = Part("wheel")

    def __del__(self):
        print("whole freed, part still there:", self.part.name)


w = Whole()
del w  # predict: output -> whole freed, part still there: wheel\npart wheel freed
