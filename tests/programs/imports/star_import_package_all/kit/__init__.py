__all__ = ["alpha", "beta", "top"]
top = "top-level name"
