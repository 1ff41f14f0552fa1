# helper.py (lesson 33): imports "main" -- which is NOT the running script's
# module object (that one is called __main__), so main.py runs a second time.
import main


def make_registry():
    return main.Registry()
