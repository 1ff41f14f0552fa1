class AppError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


def run():
    raise AppError(42)


try:
    run()
except AppError as e:
    raise LookupError("wrapped") from None
