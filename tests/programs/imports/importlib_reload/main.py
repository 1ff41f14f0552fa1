import importlib, sys
import settings
settings.extra = "added later"
first_list = settings.items
old_func = settings.describe
again = importlib.reload(settings)
print("same object:", again is settings)
print("new list:", settings.items is not first_list, "| extra survives:", settings.extra)
print("functions rebound:", settings.describe is not old_func, old_func())
print("loads:", settings.loads)
del sys.modules["settings"]
try:
    importlib.reload(settings)
except ImportError as e:
    print("ImportError:", e)
