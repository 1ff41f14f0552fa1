"""A small `os` for pysim: names, `os.path` (posixpath) and getcwd/fspath.

pysim's core has no access to the operating system: there are no files,
processes or environment here beyond what the host supplies (the working
directory). `os.path` is registered in sys.modules as in CPython.
"""
import sys
import posixpath as path
from posix import getcwd, fspath

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
sep = path.sep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
altsep = path.altsep
defpath = path.defpath
devnull = path.devnull

__all__ = ['path', 'name', 'linesep', 'sep', 'pathsep', 'curdir', 'pardir',
           'extsep', 'altsep', 'defpath', 'devnull', 'getcwd', 'fspath']
