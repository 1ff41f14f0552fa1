class Pizza:
    count = 0
    def __init__(self, toppings):
        self.toppings = toppings
        Pizza.count += 1

    @classmethod
    def margherita(cls):
        return cls(["tomato", "mozzarella"])

    @staticmethod
    def valid_topping(t):
        return t not in ("pineapple",)

    @classmethod
    def made(cls):
        return cls.__name__ + " made " + str(cls.count)

class FancyPizza(Pizza):
    pass

p = Pizza.margherita()
print(p.toppings, type(p).__name__)
f = FancyPizza.margherita()
print(type(f).__name__)
print(Pizza.valid_topping("ham"), p.valid_topping("pineapple"))
print(Pizza.made(), FancyPizza.made(), f.made())
sm = Pizza.__dict__["valid_topping"]
print(type(sm).__name__, type(Pizza.__dict__["made"]).__name__)
