# Exercise (lesson 07): a parameter shares the caller's object.
def add_item(items):
    items.append("new")
    # predict: refcount(items) == 2


basket = []
add_item(basket)
print(basket)  # predict: output -> ['new']
