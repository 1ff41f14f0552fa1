def work():
    try:
        raise ValueError("original problem")
    finally:
        print("cleanup")
        undefined_cleanup()

work()
