def check(x):
    assert x > 0, "x must be positive, got " + str(x)
    return x

print(check(5))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("no message:", repr(e), e.args)
try:
    assert [], ["a", "list", "message"]
except AssertionError as e:
    print("non-string message:", e.args[0])
assert True, "never evaluated"
count = 0
def side():
    global count
    count += 1
    return "msg"
assert 1, side()
print("message not evaluated when ok:", count)
