print("greet body runs, __name__ =", __name__)
COUNT = 10
def hello(who):
    return "hello " + who
