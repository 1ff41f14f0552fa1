print("store body runs as", __name__)
data = []
class Item:
    pass
