# Lesson 01: names and objects
#
# In Python, a variable is a *name* that refers to an *object*. Assignment
# never copies an object: `b = a` makes the name `b` refer to the very same
# object that `a` refers to. Objects have a type and a value; names do not
# have types at all -- a name can refer to an int now and a str later.
#
# Every object keeps a *reference count*: how many references (names,
# container slots, attributes, ...) point at it. sys.getrefcount(obj)
# reports it, but the number is always one higher than you might expect,
# because passing the object to getrefcount creates one more temporary
# reference (the function's argument).
import sys

print("== assignment binds a name; it does not copy ==")
a = [1, 2, 3]
b = a                      # a second name for the same list
b.append(4)                # change the object through the name b
print("a after b.append(4):", a)
print("a is b (same object?):", a is b)

print()
print("== counting references ==")
nums = [10, 20]
print("refcount of nums's list, one name:", sys.getrefcount(nums))
other = nums
print("after `other = nums` (two names):", sys.getrefcount(nums))
holder = [nums, nums]
print("after putting it twice in another list:", sys.getrefcount(nums))
del holder
print("after deleting that holder list:", sys.getrefcount(nums))
other = "something else"   # rebinding a name drops its old reference
print("after rebinding `other`:", sys.getrefcount(nums))
print("(each number is one more than the real count: getrefcount's own argument)")

print()
print("== rebinding is not mutation ==")
x = [1, 2]
y = x
y = y + [3]                # `+` builds a NEW list; y now names that one
print("x:", x, "| y:", y, "| x is y:", x is y)
y = x
y += [3]                   # `+=` on a list mutates it in place
print("x:", x, "| y:", y, "| x is y:", x is y)

print()
print("== names have no type; objects do ==")
thing = 42
print("thing -> object of type", type(thing).__name__, "with value", thing)
thing = "forty-two"
print("thing -> object of type", type(thing).__name__, "with value", thing)
thing = [4, 2]
print("thing -> object of type", type(thing).__name__, "with value", thing)

print()
print("== a name can be bound in many ways ==")
def greet():               # `def` binds the name greet to a function object
    return "hello"
alias = greet              # a second name for the same function
print("alias() returns:", alias())
print("alias is greet:", alias is greet)
print("function's own name (set at def time):", alias.__name__)
for item in ["p", "q"]:    # a for loop binds its target name each time
    pass
print("after the loop, item still refers to:", item)
