def cleanup(d):
    return d["missing"]


def work():
    try:
        1 / 0
    except ZeroDivisionError:
        cleanup({})


work()
