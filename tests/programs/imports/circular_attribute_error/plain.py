def __getattr__(name):
    if name == "magic":
        return 42
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
print("module __getattr__:", __import__("plain").magic if False else "defined")
