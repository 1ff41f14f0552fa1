from .helper import helper
