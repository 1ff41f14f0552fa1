__module_level = "module level name with two underscores"

class User:
    def get(self):
        try:
            return __module_level
        except NameError as e:
            return "NameError: " + str(e)

print(User().get())
_User__module_level = "mangled global"
print(User().get())

class Calls:
    def __step(self, n):
        return n + 1
    def run(self):
        return self.__step(self.__step(0))
    @staticmethod
    def __static():
        return "static private"
    @classmethod
    def call_static(cls):
        return cls.__static()

print(Calls().run(), Calls.call_static())
print(sorted(k for k in vars(Calls) if "step" in k or "static" in k))
