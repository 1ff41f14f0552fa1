# Exercise (lesson 23): closures see the variable, not its value at creation.
funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)

print([g() for g in funcs])  # predict: output -> [2, 2, 2]
