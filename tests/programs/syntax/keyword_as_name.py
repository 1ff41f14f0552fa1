class = "reserved"
print(class)
