WHERE = "elsewhere/extra.py"
