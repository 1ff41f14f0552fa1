print("outer/middle/__init__ runs, __package__ =", __package__)
