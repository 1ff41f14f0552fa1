# shapes/util: a subpackage (lesson 32)
