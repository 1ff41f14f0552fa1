class Registry:
    def __init__(self):
        self.items = {"a": 1}

    def get(self, key):
        return self.items[key]


def lookup(reg, keys):
    return [reg.get(k) for k in keys]


lookup(Registry(), ["a", "b"])
