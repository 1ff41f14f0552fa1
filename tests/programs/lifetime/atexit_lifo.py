import atexit
def bye(name, punct="!"):
    print("bye", name + punct)
atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(print, "plain print")
print("end of program")
