result = some_function(
    arg1,
    arg2,
)
value = (obj
         .attr
         .method(1,
                 2))
total = (a +
         b *
         c)
if (x and
        y):
    pass
data = {
    'k': v,
}
print(
    "x"
)
