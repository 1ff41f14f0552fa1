import plugins
print("plugins.__path__ ends with:", [p.rsplit("/", 1)[-1] for p in plugins.__path__])
import plugins.extra
print(plugins.extra.WHERE)
from plugins import other
print(other.WHERE)
try:
    import plugins.inside
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
