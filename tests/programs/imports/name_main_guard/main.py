import sys
print("body runs as", __name__)
COUNTER = [0]
def bump():
    COUNTER[0] += 1
    return COUNTER[0]
if __name__ == "__main__":
    import helper
    print("helper imported main as a second module:", helper.main_module is not sys.modules["__main__"])
    print("two COUNTER lists:", helper.main_module.COUNTER is not COUNTER)
    print(bump(), helper.main_module.bump(), bump())
    print(sorted(k for k in sys.modules if "main" in k))
