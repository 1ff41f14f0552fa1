from . import b
from .c import d
