import os
__path__ = [os.path.join(os.path.dirname(os.path.dirname(__file__)), "elsewhere")]
