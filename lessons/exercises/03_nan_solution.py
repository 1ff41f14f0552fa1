# Exercise (lesson 03): NaN is not equal to itself, but a list checks identity first.
nan = float("nan")
print(nan == nan)  # predict: output -> False
print([nan] == [nan])  # predict: output -> True
print(nan in [nan])  # predict: output -> True
