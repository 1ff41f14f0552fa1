class C:
    def m(self):
        return 1
  x = 2
