# Exercise (lesson 10): temporaries die at once.
class Temp:
    def __init__(self, n):
        self.n = n


print(Temp(5).n)  # predict: output -> 5
t = Temp(6)
# label: six = t
t = Temp(7)
# predict: alive(six) == False
