def risky(n):
    if n == 0:
        raise ZeroDivisionError("zero")
    if n < 0:
        raise ValueError("negative")
    return 10 // n

for n in [2, 0, -1]:
    try:
        result = risky(n)
    except ZeroDivisionError:
        try:
            result = risky(-n - 1)
        except ValueError as inner:
            result = "inner handler: " + str(inner) + ", context: " + str(inner.__context__)
    except ValueError as e:
        result = "value error: " + str(e)
    print(n, result)

def reraise():
    try:
        raise KeyError("original")
    except KeyError:
        print("  logging and re-raising")
        raise

try:
    reraise()
except KeyError as e:
    print("re-raised:", repr(e), e.__context__)

def reraise_named():
    try:
        raise IndexError("idx")
    except IndexError as e:
        raise e

try:
    reraise_named()
except IndexError as e:
    print("raise e:", repr(e), e.__context__)
