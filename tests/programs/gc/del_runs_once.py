import gc
saved = []
class R:
    def __del__(self):
        print("del R")
        saved.append(self)
r = R()
r.me = r
del r
print(gc.collect())
print(len(saved))
saved.clear()
print(gc.collect())
print("end")
