a = 'single'
b = "double"
c = '''triple
single'''
d = """triple
double"""
e = 'it\'s'
f = "say \"hi\""
g = '\n\t\\\r\a\b\f\v\0'
h = '\x41\u00e9\U0001F600'
i = '\101\7\777'
j = 'cont\
inued'
k = r'raw\n\d'
l = R"raw"
m = 'a' 'b' "c"
n = ('implicit'
     'join')
o = '\d\w'
p = 'é ü 日本'
q = ''
r = "'"
s = '"'
t = '\'"'
u = 'tab\there'
v = '\x00\x7f\x80\xa0\xad'
