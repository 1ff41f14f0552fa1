from . import gears
from .gears import turn
from .. import VERSION as parent_version
from ..util import helper as util_helper
from ..util.helper import helper
sibling_name = gears.__name__
def run():
    return "engine " + turn() + " " + helper.__module__
