class Account:
    def __init__(self, owner):
        self.owner = owner
        self.__balance = 0
    def deposit(self, n):
        self.__balance += n
        return self.__balance
    def balance(self):
        return self.__balance

acc = Account("ann")
print(acc.deposit(50), acc.balance())
print(sorted(vars(acc)))
print(acc._Account__balance)
try:
    print(acc.__balance)
except AttributeError as e:
    print("AttributeError:", e)
acc.__balance = "set from outside"
print(sorted(vars(acc)))
print(acc.balance(), acc.__balance)
print(hasattr(acc, "__balance"), hasattr(acc, "_Account__balance"))
