WHERE = "elsewhere/other.py"
