x = 0
values = [1, x = 5]
