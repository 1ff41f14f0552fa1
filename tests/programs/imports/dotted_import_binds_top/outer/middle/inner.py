print("inner runs as", __name__)
X = "inner value"
