import sys

print("about to exit with status 3")
sys.exit(3)
print("never")
