# operator: function forms of the operators, in-place variants, errors
import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3), op.invert(5), op.inv(0))
print(op.lshift(1, 4), op.rshift(256, 2), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.not_(0), op.not_([1]), op.truth([]), op.truth("x"), op.is_(None, None), op.is_not(1, None))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2))
print(op.concat([1], [2]), op.concat("ab", "cd"), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"))
data = [1, 2, 3]
print(op.getitem(data, 1), op.getitem(data, slice(0, 2)), op.getitem({"k": "v"}, "k"))
op.setitem(data, 0, 10)
op.delitem(data, 2)
print(data, op.index(7), op.index(True), op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(5, 9))
print(op.call(max, 1, 5), op.__add__(1, 1), op.__lt__(1, 2), op.matmul.__name__, op.add.__name__)

x = [1]
y = op.iadd(x, [2])
print(y, y is x)
n = 5
print(op.iadd(n, 1), op.isub(n, 1), op.imul(n, 2), op.itruediv(n, 2), op.ifloordiv(n, 2), op.imod(n, 2))
print(op.ipow(2, 3), op.ilshift(1, 3), op.irshift(8, 1), op.iand(6, 3), op.ior(4, 1), op.ixor(5, 1), op.iconcat([1], [2]))

def attempt(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", result)

attempt("index float", lambda: op.index(1.5))
attempt("concat int", lambda: op.concat(1, 2))
attempt("indexOf missing", lambda: op.indexOf([1], 5))
attempt("truediv zero", lambda: op.truediv(1, 0))
attempt("add mixed", lambda: op.add(1, "a"))
attempt("length_hint bad default", lambda: op.length_hint([], "a"))
print(sorted(["b", "A", "c"], key=op.methodcaller("lower")))
