from app.core.engine import run
print(run())
import app.core.engine as e
print(e.__package__, e.__spec__.parent)
print(e.sibling_name, e.parent_version, e.util_helper())
