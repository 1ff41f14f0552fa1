def run(fail):
    try:
        print("  try")
        if fail:
            raise ValueError("failure")
        print("  try end")
    except ValueError as e:
        print("  except", e)
    else:
        print("  else")
    finally:
        print("  finally")
    print("  after")

print("no error:")
run(False)
print("error:")
run(True)

def finally_with_return():
    for i in range(3):
        try:
            if i == 1:
                return "returned at " + str(i)
        finally:
            print("  finally for", i)

print(finally_with_return())

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "exception discarded by break"

print(break_in_finally())

def nested():
    try:
        try:
            raise TypeError("inner")
        finally:
            print("  inner finally")
    except TypeError as e:
        print("  outer caught", e)
    finally:
        print("  outer finally")

nested()
