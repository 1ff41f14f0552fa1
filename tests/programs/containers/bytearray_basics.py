# bytearray: growth model (sys.getsizeof), slicing, mutation, errors, mixing with bytes
import sys, gc
b = bytearray()
print(sys.getsizeof(b), gc.is_tracked(b))
for i in range(20):
    b.append(i); print(sys.getsizeof(b), end=' ')
print()
b.clear(); print(sys.getsizeof(b))
b = bytearray(b'abcdefgh'); b.pop(); print(sys.getsizeof(b)); b.extend(b'xyz'); print(sys.getsizeof(b)); b += b'12345678901234567890'; print(sys.getsizeof(b))
b = bytearray([1,2,3]); print(sys.getsizeof(b)); b = bytearray(range(20)); print(sys.getsizeof(b)); b=bytearray(5); print(sys.getsizeof(b))
b.extend([1,2,3]); print(sys.getsizeof(b)); print(sys.getsizeof(b[1:3]), sys.getsizeof(b + b'x'), sys.getsizeof(b * 3), sys.getsizeof(b.copy()))
del b[0]; print(sys.getsizeof(b), b)
b[0:2] = b'hello'; print(b, sys.getsizeof(b))
del b[:3]; print(b, sys.getsizeof(b)); b.extend(b'12'); print(b, sys.getsizeof(b))
del b[::2]; print(b, sys.getsizeof(b))
b[::2] = b'ab'; print(b)
b.insert(0, 65); b.insert(-1, 66); b.insert(100, 67); print(b, sys.getsizeof(b))
print(repr(bytearray(b'a\'\"\n')), bytearray(b'x') == b'x', b'x' == bytearray(b'x'), bytearray(b'a') < b'b', type(iter(bytearray())).__name__)
print(list(bytearray(b'abc')), bytes(bytearray(b'hi')), bytearray(b'hi').decode(), bytearray(b'hi').hex(), b'h' in bytearray(b'hi'), 105 in bytearray(b'hi'))
print(bytearray('héllo', 'utf-8'), bytearray(b'ab') + b'cd', b'ab' + bytearray(b'cd'), 2 * bytearray(b'ab'), len(bytearray(b'abc')), bool(bytearray()))
print(bytearray(b'abc')[1], bytearray(b'abc')[-1], bytearray(b'abcdef')[::2], str(bytearray(b'x')))
c = bytearray(b'x'); d = c; c += b'yz'; print(c is d, d)
class BA(bytearray): pass
print(BA(b'q'), type(BA(b'q') + b'r').__name__)
for f in [lambda: hash(bytearray()), lambda: bytearray([300]), lambda: bytearray('x'), lambda: bytearray(b'')[0], lambda: bytearray(b'a').pop(5), lambda: bytearray().pop(),
   lambda: bytearray(b'a').__setitem__(0, 256), lambda: bytearray(b'a').__setitem__(0, 'a'), lambda: bytearray(b'a').__setitem__(3, 1), lambda: bytearray(b'a').remove(9),
   lambda: bytearray(-1), lambda: bytearray(b'abc').__setitem__(slice(None, None, 2), b'x'), lambda: {bytearray(): 1}]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
