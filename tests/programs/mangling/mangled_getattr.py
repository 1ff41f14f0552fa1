class Config:
    def __init__(self):
        self.__key = "k"
        setattr(self, "__raw", "set with setattr: not mangled")

c = Config()
print(sorted(vars(c)))
print(getattr(c, "__raw"))
print(getattr(c, "_Config__key"))
try:
    getattr(c, "__key")
except AttributeError as e:
    print("AttributeError:", e)

class Reader:
    def read(self, obj):
        return obj.__raw

try:
    Reader().read(c)
except AttributeError as e:
    print("AttributeError:", e)

class Peer:
    def peek(self, other):
        return other.__key

try:
    Peer().peek(c)
except AttributeError as e:
    print("AttributeError:", e)

class Config2(Config):
    def peek(self):
        return self._Config__key

print(Config2().peek())
