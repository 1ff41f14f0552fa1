"""A collection of string constants.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable

pysim: the constants and capwords() of CPython 3.11's Lib/string.py, plus a
Template class with the same $-substitution rules written without the `re`
module. Formatter (which needs the C module _string) is not provided.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace

# Functions which aren't available as string methods.

# Capitalize the words in a string, e.g. " aBc  dEf " -> "Abc Def".
def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


####################################################################

####################################################################
_sentinel_dict = {}

_ID_START = "_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ID_CHARS = _ID_START + "0123456789"


class Template:
    """A string class for supporting $-substitutions.

    pysim: CPython scans the template with a regular expression built from
    `delimiter`, `idpattern` and `braceidpattern`; this version scans by hand
    and honours `delimiter` only (identifiers are ASCII [_a-zA-Z][_a-zA-Z0-9]*,
    CPython's default).
    """

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield (kind, start, end, name) for each delimiter expression."""
        t = self.template
        d = self.delimiter
        n = len(t)
        i = t.find(d)
        while i >= 0:
            j = i + len(d)
            if t.startswith(d, j):
                yield ('escaped', i, j + len(d), None)
                i = t.find(d, j + len(d))
                continue
            if j < n and t[j] in _ID_START:
                k = j + 1
                while k < n and t[k] in _ID_CHARS:
                    k += 1
                yield ('named', i, k, t[j:k])
                i = t.find(d, k)
                continue
            if j + 1 < n and t[j] == '{' and t[j + 1] in _ID_START:
                k = j + 2
                while k < n and t[k] in _ID_CHARS:
                    k += 1
                if k < n and t[k] == '}':
                    yield ('braced', i, k + 1, t[j + 1:k])
                    i = t.find(d, k + 1)
                    continue
            yield ('invalid', i, j, None)
            i = t.find(d, j)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _substitute(self, mapping, kws, safe):
        if mapping is _sentinel_dict:
            mapping = kws
            kws = {}
        out = []
        pos = 0
        t = self.template
        for kind, start, end, name in self._scan():
            out.append(t[pos:start])
            pos = end
            if name is not None:
                try:
                    if name in kws:
                        value = kws[name]
                    else:
                        value = mapping[name]
                except KeyError:
                    if not safe:
                        raise
                    out.append(t[start:end])
                    continue
                out.append(str(value))
            elif kind == 'escaped':
                out.append(self.delimiter)
            elif safe:
                out.append(t[start:end])
            else:
                self._invalid(end)
        out.append(t[pos:])
        return ''.join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, True)

    def is_valid(self):
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in self._scan():
            if name is not None and name not in ids:
                ids.append(name)
        return ids
