# Lesson 33: the same file imported under two names
#
# sys.modules is keyed by module NAME, not by file. If one file can be
# reached under two different names, it is loaded twice: two module
# objects, two separate sets of globals, two different copies of every
# class defined in it. State is not shared, and isinstance checks fail
# between the copies.
#
# Two classic ways to get there:
#   1. The script you run is the module "__main__". If anything later does
#      `import main`, the file is found on sys.path and run AGAIN as the
#      module "main".
#   2. A folder inside a package is also put on sys.path, so a module in it
#      is importable both as "app.config" and as plain "config".
#
# Run this from its folder:  python3 main.py
import sys

print(f"main.py body running as {__name__!r}")


class Registry:
    pass


if __name__ == "__main__":
    import os

    print()
    print("== 1. the script imported again under the name 'main' ==")
    import helper                      # helper does `import main`
    print("'__main__' and 'main' both in sys.modules:",
          "__main__" in sys.modules and "main" in sys.modules)
    print("they are different module objects:", sys.modules["main"] is not sys.modules["__main__"])
    print("both came from the same file:",
          os.path.abspath(sys.modules["main"].__file__) == os.path.abspath(__file__))
    r = helper.make_registry()
    print("helper made a", type(r).__name__, "| isinstance(r, Registry):", isinstance(r, Registry))
    print("two different Registry classes:", sys.modules["main"].Registry is not Registry)

    print()
    print("== 2. one file, reachable as app.config and as config ==")
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(here, "app"))    # the mistake
    import app.config
    import config
    print("same module object?", config is app.config)
    app.config.settings["debug"] = True
    print("app.config.settings:", app.config.settings, "| config.settings:", config.settings)
    print("same file behind both:",
          os.path.abspath(config.__file__) == os.path.abspath(app.config.__file__))
    print("cached under two keys:", sorted(k for k in sys.modules if k.endswith("config")
                                          and k in ("config", "app.config")))

    print()
    print("== the fix: import a module under one name only ==")
    sys.path.remove(os.path.join(here, "app"))
    del sys.modules["config"]
    import app.config as the_config
    print("using only app.config; settings:", the_config.settings)
