def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise LookupError("no such key: " + key) from None

lookup({}, "missing")
