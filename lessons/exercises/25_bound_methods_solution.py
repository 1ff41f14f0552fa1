# Exercise (lesson 25): a bound method is made on each access.
class Dog:
    def bark(self):
        return "woof"


d = Dog()
m1 = d.bark
m2 = d.bark
# predict: same(m1, m2) == False
print(m1 == m2)  # predict: output -> True
# predict: refcount(d) == 3
