print("line one")
print "old style"
