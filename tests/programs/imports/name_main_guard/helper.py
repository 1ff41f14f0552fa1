import main as main_module
print("helper: main's __name__ is", main_module.__name__)
