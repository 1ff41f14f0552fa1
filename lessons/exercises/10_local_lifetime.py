# Exercise (lesson 10): locals die when the function returns.
class Token:
    pass


def make():
    t = Token()
    # label: local_token = t
    # predict: refcount(t) == ?
    return None


make()
# predict: alive(local_token) == ?
