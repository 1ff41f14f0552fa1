# OSError fields, errno -> subclass mapping, str forms; float.hex / float.fromhex
for f in [lambda: OSError(2, 'x', 'f.txt'), lambda: OSError(2, 'x', 'f.txt', None, 'g'), lambda: OSError('a'), lambda: OSError(1,2,3,4,5,6), lambda: FileNotFoundError(13, 'perm'), lambda: OSError(13, 'denied'), lambda: OSError(99, 'other')]:
    e = f()
    print(type(e).__name__, e.args, str(e), repr(e), e.errno, e.strerror, e.filename, e.filename2)
e = OSError(2, 'x'); e.errno = 5; print(e.errno, str(e)); print(IOError is OSError, EnvironmentError, ConnectionResetError.__mro__)
try:
    raise OSError(2, "No such thing")
except FileNotFoundError as e:
    print("caught", e)
class MyErr(OSError):
    def __init__(self, msg):
        super().__init__(5, msg)
print(str(MyErr("m")), MyErr("m").errno)
for s in ["0x1.8p1", " -0X1P-1 ", "0x0.0000000000001p-1022", "inf", "0x1p2000", "0x", "0x1.fffffffffffff8p1023", "1", "0x.8", "0x1.p1"]:
    try: print(float.fromhex(s))
    except Exception as e: print(type(e).__name__, e)
print([x.hex() for x in [3.5, -0.0, 5e-324, 1e308, 0.1, -2.0, float('inf')]])
class F(float): pass
print(type(F.fromhex("0x1p0")).__name__)
