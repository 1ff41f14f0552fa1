# Exercise (lesson 10): a returned object outlives the frame.
class Token:
    pass


def make():
    t = Token()
    return t


kept = make()
# label: token = kept
# predict: refcount(kept) == ?
kept = None
# predict: alive(token) == ?
