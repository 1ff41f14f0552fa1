import atexit
class A:
    def __del__(self):
        print("del at exit")
keep = A()
atexit.register(print, "atexit first")
print("end")
