"""Extract, format and print information about Python stack traces
(a subset of CPython 3.11's `traceback`).

Provided: `walk_tb`, `extract_tb`, `format_list`, `format_tb`, `print_tb`,
`format_exception_only`, `format_exception`, `print_exception`,
`format_exc`, `print_exc`, `clear_frames`, with `FrameSummary` and
`StackSummary` as plain lists of frame summaries. Not modelled: the
`TracebackException` class, the 3.11 caret lines (`^^^^`) under the source
line, `extract_stack`/`print_stack` (no `sys._getframe`), exception
groups and chained exceptions in `format_exception` (only the exception
itself is formatted).
"""

import linecache
import sys

__all__ = ['extract_tb', 'format_exc', 'format_exception', 'format_exception_only',
           'format_list', 'format_tb', 'print_exc', 'print_exception',
           'print_tb', 'walk_tb', 'clear_frames', 'FrameSummary', 'StackSummary']


class FrameSummary:
    """Information about a single frame from a traceback."""

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = locals

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    def format(self):
        result = []
        for frame in self:
            row = ['  File "{}", line {}, in {}\n'.format(
                frame.filename, frame.lineno, frame.name)]
            if frame.line:
                row.append('    {}\n'.format(frame.line))
            result.append(''.join(row))
        return result


def walk_tb(tb):
    """Walk a traceback yielding the frame and line number for each frame."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def extract_tb(tb, limit=None):
    """Return a StackSummary object representing a list of pre-processed
    entries from traceback."""
    result = StackSummary()
    for frame, lineno in walk_tb(tb):
        if limit is not None and len(result) >= limit:
            break
        code = frame.f_code
        result.append(FrameSummary(code.co_filename, lineno, code.co_name))
    return result


def format_list(extracted_list):
    """Format a list of tuples or FrameSummary objects for printing."""
    summary = StackSummary()
    for item in extracted_list:
        if isinstance(item, FrameSummary):
            summary.append(item)
        else:
            filename, lineno, name, line = item
            summary.append(FrameSummary(filename, lineno, name, line=line))
    return summary.format()


def format_tb(tb, limit=None):
    """A shorthand for 'format_list(extract_tb(tb, limit))'."""
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    """Print up to 'limit' stack trace entries from the traceback 'tb'."""
    if file is None:
        file = sys.stderr
    for item in format_tb(tb, limit):
        print(item, file=file, end="")


def _type_name(etype):
    module = etype.__module__
    qualname = etype.__qualname__
    if module not in ("__main__", "builtins"):
        return module + '.' + qualname
    return qualname


def _some_str(value):
    try:
        return str(value)
    except Exception:
        return '<exception str() failed>'


def format_exception_only(exc, /, value=None):
    """Format the exception part of a traceback: a list with one string,
    'Type: message\\n' (just 'Type\\n' when the message is empty)."""
    if value is None:
        value = exc
        exc = type(value) if value is not None else None
    if value is None:
        return ['NoneType: None\n']
    stype = _type_name(type(value))
    if isinstance(value, SyntaxError) and value.lineno is not None:
        lines = ['  File "{}", line {}\n'.format(value.filename or "<string>", value.lineno)]
        if value.text is not None:
            lines.append('    {}\n'.format(value.text.strip()))
        lines.append('{}: {}\n'.format(stype, value.msg or "<no detail available>"))
        return lines
    msg = _some_str(value)
    if not msg:
        return ['{}\n'.format(stype)]
    return ['{}: {}\n'.format(stype, msg)]


def format_exception(exc, /, value=None, tb=None, limit=None, chain=True):
    """Format a stack trace and the exception information (a list of strings)."""
    if value is None:
        value = exc
        tb = value.__traceback__ if value is not None else None
    lines = []
    if tb is not None:
        lines.append('Traceback (most recent call last):\n')
        lines.extend(format_tb(tb, limit))
    lines.extend(format_exception_only(value))
    return lines


def print_exception(exc, /, value=None, tb=None, limit=None, file=None, chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to 'file'."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit, chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    value = sys.exc_info()[1]
    return "".join(format_exception(value, limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(*sys.exc_info(), limit, file)'."""
    value = sys.exc_info()[1]
    print_exception(value, limit=limit, file=file, chain=chain)


def clear_frames(tb):
    "Clear all references to local variables in the frames of a traceback."
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            # Ignore the exception raised if the frame is still executing.
            pass
        tb = tb.tb_next
