class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return type(self).__name__

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " (squeaky)"

for a in [Animal("generic"), Dog("rex"), Puppy("bit")]:
    print(a.speak(), "|", a.kind())
print(isinstance(Puppy("p"), Animal), issubclass(Dog, Puppy), issubclass(Puppy, Dog))
print(Puppy.__bases__[0].__name__, Dog.__name__)
print([c.__name__ for c in Puppy.__mro__])
p = Puppy("x")
p.sound = "instance sound"
print(p.speak(), Puppy.sound)
