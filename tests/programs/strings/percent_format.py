print("%s is %d years" % ("Bob", 30))
print("%r %s" % ("quoted", "plain"))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e" % (3.14159, 2.71828, 1.5, 12345.678))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%c%c" % (72, "i"))
print("%%d is a literal percent: %d%%" % 50)
print("%(name)s has %(count)d items" % {"name": "cart", "count": 3})
print("%s" % [1, 2], "%s" % (1,), "%s %s" % (None, True))
print("%10s|%-10s|" % ("right", "left"))
print("%.3s" % "truncate")
print("%i %u" % (7, 8))
print("%g %g %g" % (0.0001, 1e-5, 123456789.0))
try:
    print("%d" % "text")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % ("a", "b"))
except TypeError as e:
    print("TypeError:", e)
