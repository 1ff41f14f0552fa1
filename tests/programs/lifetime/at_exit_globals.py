# Objects still referenced by module globals are finalized when the
# interpreter shuts down, after the last line of the program has run.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

first = T("first")
second = T("second")
third = T("third")
second = T("second-replacement")
print("end of program")
