# app/config.py (lesson 33): module-level state that is supposed to be shared
print(f"   [config.py body running as {__name__!r}]")

settings = {}
