WHERE = "plugins/inside.py"
