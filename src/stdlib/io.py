"""A small `io` for pysim: StringIO, an in-memory text stream, and
TextIOWrapper, the text file `open()` returns.

Files go through the host: `_io.open` (which is `builtins.open`) reads the
whole text from the host and builds a TextIOWrapper over it; a file opened
for writing hands its whole contents back (`_io._write_text`) on `flush()`
and `close()`. Binary files are outside pysim's subset. StringIO follows
CPython's `io.StringIO` for write/getvalue/read/readline/seek/tell/
truncate/close and the context-manager protocol, with its messages for
operations on a closed stream.
"""

__all__ = ['StringIO', 'TextIOWrapper', 'open', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class StringIO:
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not "
                            f"{type(initial_value).__name__}")
        self._value = initial_value
        self._pos = 0
        self.closed = False

    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        end = self._pos + len(s)
        value = self._value
        if self._pos > len(value):
            value = value + '\0' * (self._pos - len(value))
        self._value = value[:self._pos] + s + value[end:]
        self._pos = end
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check_open()
        return self._value

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._value)
        else:
            end = min(len(self._value), self._pos + size)
        data = self._value[self._pos:end]
        self._pos = max(self._pos, end)
        return data

    def readline(self, size=-1):
        self._check_open()
        i = self._value.find('\n', self._pos)
        end = len(self._value) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        data = self._value[self._pos:end]
        self._pos = max(self._pos, end)
        return data

    def readlines(self):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._value)
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        self._value = self._value[:size]
        return size

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def flush(self):
        self._check_open()

    def close(self):
        self.closed = True

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()


class UnsupportedOperation(OSError):
    """CPython's also derives from ValueError; pysim's class layouts do not
    allow combining OSError with another exception base."""


class TextIOWrapper(StringIO):
    """A text file whose contents the host provided (see `_io.open`)."""

    def __init__(self, name, mode, text):
        StringIO.__init__(self, text)
        self.name = name
        self.mode = mode
        self.encoding = 'UTF-8'
        self._readable = 'r' in mode or '+' in mode
        self._writable = 'r' not in mode or '+' in mode
        if 'a' in mode:
            self._pos = len(text)

    def __repr__(self):
        return f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} encoding='UTF-8'>"

    def read(self, size=-1):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation('not readable')
        return StringIO.read(self, size)

    def readline(self, size=-1):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation('not readable')
        return StringIO.readline(self, size)

    def write(self, s):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation('not writable')
        if 'a' in self.mode:
            self._pos = len(self._value)
        return StringIO.write(self, s)

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def getvalue(self):
        raise AttributeError("'_io.TextIOWrapper' object has no attribute 'getvalue'")

    def flush(self):
        self._check_open()
        if self._writable:
            import _io
            _io._write_text(self.name, self._value)

    def close(self):
        if not self.closed:
            if self._writable:
                self.flush()
            self.closed = True


def open(file, mode='r', buffering=-1, encoding=None, errors=None,
         newline=None, closefd=True, opener=None):
    import _io
    return _io.open(file, mode, buffering, encoding, errors, newline, closefd, opener)
