# A module with a syntax error: the import raises SyntaxError, printed as python3 prints it
try:
    import broken
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
print("still running")
import broken
