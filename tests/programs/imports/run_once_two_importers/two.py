from shared import items
items.append("two")
import shared
