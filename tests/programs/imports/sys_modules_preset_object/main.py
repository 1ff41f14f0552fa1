import sys
class Fake:
    answer = 42
    def __repr__(self):
        return "<Fake>"
sys.modules["fakemod"] = Fake()
import fakemod
print(fakemod, fakemod.answer)
from fakemod import answer
print("from-import on a non-module:", answer)
sys.modules["numbermod"] = 7
import numbermod
print("numbermod:", numbermod)
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name)
try:
    from fakemod import missing
except ImportError as e:
    print("ImportError:", e)
