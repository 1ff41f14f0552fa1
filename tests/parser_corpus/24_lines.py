x = 1; y = 2; z = 3;
if x: y = 1; z = 2
x = (1 +
     2)
y = [
    1,
    2,
]
z = 1 + \
    2

# comment

  # indented comment
w = {
    # comment in braces
    1: 2,
}
def f():
    x = 1

    # comment

    return x



