def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("  caught inside:", e)
        yield "recovered"
    finally:
        print("  finally")

g = guarded()
print(next(g))
print(g.throw(ValueError("boom")))
g.close()
print("closed")

g = guarded()
print(next(g))
g.close()
print("close again is harmless")
g.close()
try:
    next(g)
except StopIteration:
    print("StopIteration after close")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("  ignoring GeneratorExit")
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

g = guarded()
try:
    g.throw(KeyError("before start"))
except KeyError as e:
    print("KeyError propagated:", e)
