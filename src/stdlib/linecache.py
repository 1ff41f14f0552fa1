"""Cache lines from Python source files (CPython 3.11's `linecache`).

pysim reads files through `open()`, which asks the host; sources are
decoded as UTF-8 (no `tokenize.open` coding detection). `lazycache` and
the module-loader path of `updatecache` (sources found through
`__loader__.get_source`) are not modelled: a file that cannot be opened
gives no lines, as in CPython for a missing file.
"""

import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]


# The cache. Maps filenames to either a thunk which will provide source code,
# or a tuple (size, mtime, lines, fullname) once loaded.
cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""

    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""

    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]

    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Discard cache entries that are out of date. pysim's files do not
    change behind the program's back, so nothing is ever out of date."""
    return None


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines.
    If something's wrong, print a message, discard the cache entry,
    and return an empty list."""

    if filename in cache:
        if len(cache[filename]) != 1:
            cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []

    try:
        with open(filename) as fp:
            lines = fp.readlines()
    except (OSError, UnicodeDecodeError, SyntaxError):
        return []
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    size = sum(len(line) for line in lines)
    cache[filename] = size, None, lines, filename
    return lines


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals. pysim's modules
    have no loaders with `get_source`, so there is nothing to seed."""
    return False
