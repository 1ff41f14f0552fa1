def load():
    import helper
    from helper import VALUE as v
    return helper.VALUE, v, "helper" in dir()
print(load())
print("'helper' bound at module level:", "helper" in globals())
def load_global():
    global helper
    import helper
load_global()
print("after global import:", helper.VALUE)
class Holder:
    import helper as h
    from helper import VALUE
print(Holder.h.VALUE, Holder.VALUE)
