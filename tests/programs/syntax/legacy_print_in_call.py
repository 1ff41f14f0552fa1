def show(x):
    return x

show(print "nested")
