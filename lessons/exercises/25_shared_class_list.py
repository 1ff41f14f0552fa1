# Exercise (lesson 25): a mutable class attribute is shared by every instance.
class Team:
    members = []


x = Team()
y = Team()
x.members.append("ann")
print(y.members)  # predict: output -> ?
xs = x.members
ys = y.members
# predict: same(xs, ys) == ?
