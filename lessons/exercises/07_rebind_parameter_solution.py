# Exercise (lesson 07): rebinding a parameter does not affect the caller.
def replace(items):
    items = ["other"]
    return items


basket = ["apple"]
result = replace(basket)
print(basket, result)  # predict: output -> ['apple'] ['other']
# predict: same(basket, result) == False
