seen = (__name__, __package__, __file__.rsplit("/", 2)[-2:])
