# Exercise (lesson 25): instance attributes shadow class attributes.
class Config:
    level = 1


a = Config()
b = Config()
a.level = 5
print(a.level, b.level, Config.level)  # predict: output -> 5 1 1
Config.level = 2
print(a.level, b.level)  # predict: output -> 5 2
