# The package `shapes` (lesson 32). This file runs when the package is
# imported; its globals become the package's attributes.
print("   [shapes/__init__.py running]")

from .circle import Circle        # relative: the module circle in THIS package

DEFAULT_UNIT = "cm"
