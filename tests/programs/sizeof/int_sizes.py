import sys
for v in [0, 1, 255, 256, 257, 1000, -1000, 2**30 - 1, 2**30, -2**30, 2**60 - 1, 2**60, 2**90, -2**100, 10**100, True, False]:
    print(v if abs(v) < 10**20 else 'big', sys.getsizeof(v))
class MyInt(int): pass
print(sys.getsizeof(MyInt(5)), sys.getsizeof(MyInt(2**40)))
print(sys.getsizeof(5 + 1000), sys.getsizeof(int("77777")))
