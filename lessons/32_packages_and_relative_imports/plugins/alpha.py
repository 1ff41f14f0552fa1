# plugins/alpha.py (lesson 32): plugins/ has no __init__.py, so `plugins`
# is a namespace package.
NAME = "alpha plugin"
