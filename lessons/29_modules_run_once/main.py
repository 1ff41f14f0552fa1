# Lesson 29: the import system -- sys.path, sys.modules, a module runs once
#
# `import greeting` does roughly this:
#   1. look in sys.modules, the cache of already-imported modules, for
#      "greeting"; if it is there, just bind the name and stop;
#   2. otherwise search the directories in sys.path, in order, for
#      greeting.py (or a package, or an extension module);
#   3. create a new module object, put it in sys.modules FIRST, then run the
#      file's code with the module's __dict__ as its global namespace;
#   4. bind the name `greeting` in the importing namespace.
#
# So a module's body runs only once per process, however many times (and
# from however many other modules) it is imported. A module is an ordinary
# object: its global variables are its attributes.
#
# Run this from its folder:  python3 main.py
import importlib
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))

print("== sys.path[0] is the script's directory ==")
print("sys.path[0] is this folder:", os.path.abspath(sys.path[0]) == here)
print("its name:", os.path.basename(sys.path[0]))
print("'greeting' already imported?", "greeting" in sys.modules)

print()
print("== the first import runs the module body ==")
import greeting
print("type(greeting):", type(greeting).__name__)
print("greeting.__name__:", greeting.__name__)
print("found at:", os.path.basename(greeting.__file__),
      "| in this folder:", os.path.dirname(greeting.__file__) == here)
print("sys.modules['greeting'] is greeting:", sys.modules["greeting"] is greeting)

print()
print("== importing again does NOT run it again ==")
import greeting
import greeting as another_name
print("another_name is greeting:", another_name is greeting)
print("importlib.import_module('greeting') is greeting:",
      importlib.import_module("greeting") is greeting)

print()
print("== module globals are attributes, shared by every importer ==")
print(greeting.greet("ann"), "| times_greeted:", greeting.times_greeted)
print(another_name.greet("bob"), "| times_greeted:", greeting.times_greeted)
greeting.shared_list.append("added from main")
print("module namespace is greeting.__dict__:", vars(greeting) is greeting.__dict__)
print("public names:", sorted(k for k in vars(greeting) if not k.startswith("__")))

print()
print("== `del greeting` removes a name; sys.modules still holds the module ==")
old = greeting
del greeting, another_name
print("'greeting' in globals():", "greeting" in globals())
print("'greeting' in sys.modules:", "greeting" in sys.modules)
import greeting
print("re-import gives the same object (no rerun):", greeting is old)

print()
print("== importlib.reload runs the body again in the SAME module object ==")
reloaded = importlib.reload(greeting)
print("reload returned the same module:", reloaded is greeting)
print("module globals were re-assigned: times_greeted =", greeting.times_greeted,
      "| shared_list =", greeting.shared_list)

print()
print("== removing it from sys.modules forces a brand-new module ==")
del sys.modules["greeting"]
import greeting
print("a new module object:", greeting is not old)
print("the old object still works for whoever holds it:", old.greet("cy"))
print("old and new have separate globals: old", old.times_greeted,
      "| new", greeting.times_greeted)

print()
print("== builtin modules are not files on sys.path ==")
print("'sys' is compiled into the interpreter:", "sys" in sys.builtin_module_names)
print("'os' comes from a file in the standard library:", os.__file__.endswith("os.py"))
