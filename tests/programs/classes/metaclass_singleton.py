class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            print("creating", cls.__name__)
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, value=0):
        print("Config.__init__", value)
        self.value = value

class Logger(metaclass=Singleton):
    pass

a = Config(1)
b = Config(2)
print(a is b, a.value, b.value)
l1 = Logger()
l2 = Logger()
print(l1 is l2, l1 is a)
print(type(Config).__name__, type(Singleton).__name__)
print(isinstance(Config, Singleton), isinstance(a, Config))
