data = []
