def parse(text):
    return int(text)


def load(items):
    out = []
    for item in items:
        try:
            out.append(parse(item))
        except ValueError as exc:
            raise RuntimeError(f"bad item {item!r}") from exc
    return out


def main():
    return load(["1", "2", "x3"])


main()
