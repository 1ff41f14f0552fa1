print("second: start")
from first import value as first_value
def helper():
    pass
