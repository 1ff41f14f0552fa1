results = []
for x in ["1", "two", "3", None, "5"]:
    try:
        results.append(int(x))
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    finally:
        results.append("|")
print(results)

def first_int(items):
    for item in items:
        try:
            return int(item)
        except ValueError:
            pass
        finally:
            print("  tried", repr(item))
    return None

print(first_int(["a", "b", "7", "8"]))
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError("attempt " + str(attempts))
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print("retrying:", e)
