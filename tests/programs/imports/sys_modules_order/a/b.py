import a.c
x = 1
