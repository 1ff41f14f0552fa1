"""A pure-Python importlib for pysim: import_module, reload, invalidate_caches.

The import system is native (src/runtime/imports/); these are CPython 3.11's
wrappers around it, with the same argument checks and messages.
"""
import sys
from _frozen_importlib import _gcd_import, _reload

__all__ = ['import_module', 'invalidate_caches', 'reload']


def import_module(name, package=None):
    """Import a module; a leading dot makes `name` relative to `package`."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            f"relative import for {name!r}")
        for character in name:
            if character != '.':
                break
            level += 1
    return _gcd_import(name[level:], package, level)


def invalidate_caches():
    """pysim keeps no finder caches: nothing to do."""


def reload(module):
    """Run the module's body again in the same module object."""
    return _reload(module)
