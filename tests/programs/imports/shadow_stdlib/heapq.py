LOCAL = "my own heapq.py"
