a = b'bytes'
b = B"BYTES"
c = rb'raw\n'
d = Br'x'
e = bR'\x00'
f = b'\x00\xff\n\t\'"'
g = b'a' b'b'
h = b'''multi
line'''
i = b'\101\777'
j = b''
