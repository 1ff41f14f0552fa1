def f(xs):
    for x in xs:
        try:
            if x:
                continue
            if x is None:
                break
            return x
        finally:
            print("f")
    return 0


def g():
    try:
        try:
            pass
        finally:
            return 1
    except Exception as e:
        return e
    finally:
        pass


def h():
    while True:
        try:
            break
        except:
            pass


def k(cm):
    with cm:
        try:
            return 1
        except KeyError:
            return 2


def m(a):
    try:
        a()
    except (KeyError, IndexError) as err:
        del err
    except Exception:
        raise RuntimeError("x")
