import shared
shared.items.append("one")
shared.runs += 1
