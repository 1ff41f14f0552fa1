# Exercise (lesson 23): a closure keeps its captured variable alive.
def make_counter():
    history = []

    def count():
        history.append(1)
        return len(history)

    return count


c = make_counter()
c()
print(c())  # predict: output -> 2
cell_contents = c.__closure__[0].cell_contents
# predict: refcount(cell_contents) == 2
