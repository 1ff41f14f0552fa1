# Lesson 07: call by sharing
#
# When you call f(arg), the parameter name inside f is bound to the *same
# object* the caller passed. Nothing is copied (not "call by value") and the
# function cannot rebind the caller's variable (not "call by reference").
#
# - Mutating the object through the parameter is visible to the caller.
# - Rebinding the parameter (param = something) only changes the function's
#   local name; the caller never sees it.
import sys


def mutate(items):
    items.append("added by mutate")


def rebind(items):
    items = ["a brand new list"]     # only the local name changes
    return items


def augmented(items):
    items += ["added by +="]         # list += mutates in place!


def augmented_int(n):
    n += 1                           # int += rebinds the local name
    return n


print("== mutating an argument ==")
mine = ["original"]
mutate(mine)
print("caller's list after mutate():", mine)

print()
print("== rebinding a parameter ==")
mine = ["original"]
result = rebind(mine)
print("caller's list after rebind():", mine)
print("what rebind() returned:", result)

print()
print("== += looks like rebinding but mutates lists ==")
mine = ["original"]
augmented(mine)
print("caller's list after augmented():", mine)
count = 10
print("augmented_int(count) returned", augmented_int(count), "| count is still", count)

print()
print("== the parameter is the same object: identity and refcount ==")


def inspect(param, original):
    print("  param is the caller's object:", param is original)
    # references now: the caller's name `data`, the two parameters of this
    # frame, and getrefcount's own argument.
    print("  refcount inside the call:", sys.getrefcount(param))


data = [1, 2, 3]
print("refcount before the call:", sys.getrefcount(data))
inspect(data, data)
print("refcount after the call:", sys.getrefcount(data))

print()
print("== to protect the caller, copy explicitly ==")


def safe_sorted_append(items, value):
    items = list(items)              # a shallow copy, local to this call
    items.append(value)
    items.sort()
    return items


scores = [30, 10]
new_scores = safe_sorted_append(scores, 20)
print("caller's scores unchanged:", scores, "| returned:", new_scores)

print()
print("== immutable arguments can't be changed at all ==")


def shout(text):
    text = text.upper() + "!"
    return text


word = "hi"
print("shout(word) =", shout(word), "| word =", word)
