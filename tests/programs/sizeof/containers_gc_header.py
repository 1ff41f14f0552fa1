import sys
class A:
    pass
print(sys.getsizeof(A()))
print(sys.getsizeof([]), sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)))
print(sys.getsizeof(object()))
print(sys.getsizeof(1.5), sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30), sys.getsizeof(2**60))
