import os
import os.path
import xml.etree.ElementTree as ET
import collections.abc as cabc, sys as system
from os import path, sep as separator
from . import sibling
from ..parent import thing
from math import *


def f():
    import json
    from json import dumps as d
    return json, d
