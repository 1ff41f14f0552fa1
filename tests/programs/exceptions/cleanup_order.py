class Resource:
    def __init__(self):
        self.log = []
    def step(self, n):
        self.log.append(n)
        if n == 3:
            raise RuntimeError("step " + str(n))

r = Resource()
try:
    for i in range(5):
        r.step(i)
except RuntimeError as e:
    print("stopped:", e, r.log)

def cleanup_order():
    order = []
    try:
        try:
            order.append("try")
            raise ValueError
        except ValueError:
            order.append("except")
            raise TypeError
        finally:
            order.append("inner finally")
    except TypeError:
        order.append("outer except")
    finally:
        order.append("outer finally")
    return order

print(cleanup_order())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows the exception"

print(swallow())
