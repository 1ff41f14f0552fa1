class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

def with_cells():
    zeta = T("zeta (cell)")
    plain2 = T("plain2")
    alpha = T("alpha (cell)")
    plain1 = T("plain1")
    def inner():
        return zeta, alpha
    print(" returning; plain locals first, then cells")

with_cells()

def closure_survives():
    kept = T("kept (cell)")
    dropped = T("dropped")
    def inner():
        return kept.name
    return inner

f = closure_survives()
print("closure alive:", f())
del f
print("closure deleted")

def param_cell(p):
    def inner():
        return p
    q = T("q")
    return 1

param_cell(T("p (param and cell)"))
print("done")
